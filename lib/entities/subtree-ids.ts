import type { Reader } from "./load-access";

/** @internal The ids of an entity and of every entity below it, parents before their children. */
export async function subtreeIds(id: string, reader: Reader): Promise<string[]> {
  const rows = await reader.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE sub AS (
      SELECT e."id", 0 AS depth FROM "entity" e WHERE e."id" = ${id}
      UNION ALL
      SELECT c."id", s.depth + 1 FROM "entity" c JOIN sub s ON c."parentId" = s."id" WHERE s.depth < 1000
    )
    SELECT "id" FROM sub ORDER BY depth`;
  return rows.map((row) => row.id);
}
