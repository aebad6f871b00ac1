import { pool } from "@/lib/db/pool";
import { rowsOf, type Queryable } from "@/lib/db/sql";

/** @internal The ids of an entity and of every entity below it, parents before their children. */
export async function subtreeIds(id: string, db: Queryable = pool): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, SUBTREE, [id]);
  return rows.map((row) => row.id);
}

/** An entity and its descendants with their depth; the bound stops a cycle, should one ever be stored. */
export const SUBTREE = `
  WITH RECURSIVE sub AS (
    SELECT e."id", 0 AS depth FROM "entity" e WHERE e."id" = $1
    UNION ALL
    SELECT c."id", s.depth + 1 FROM "entity" c JOIN sub s ON c."parentId" = s."id" WHERE s.depth < 1000
  )
  SELECT "id" FROM sub ORDER BY depth`;
