import { pool } from "@/lib/db/pool";
import { rowsOf, type Queryable } from "@/lib/db/sql";
import type { AccessFacts } from "./access";

/** @internal What the access predicates and the tree checks need to know about one entity. */
export interface EntityAccess extends AccessFacts {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly ownerId: string;
  readonly version: number;
  /** The entity's ancestors, nearest first. */
  readonly ancestorIds: readonly string[];
}

type ChainRow = {
  id: string;
  type: string;
  name: string;
  parentId: string | null;
  ownerId: string;
  version: number;
  depth: number;
  shared: string[];
};

/**
 * @internal The entity and its chain of ancestors in one query: each one's owner and the users it
 * is shared with make up the members. Null when there is no such entity. The depth bound stops a
 * cycle (which moves refuse, under a lock) from running forever should one ever be stored.
 */
export async function loadEntityAccess(id: string, db: Queryable = pool): Promise<EntityAccess | null> {
  // Every page and call of an entity asks this first; plain pg costs a quarter of Prisma's CPU a
  // statement (docs/benchmarks.md, View calls: where a call's time goes).
  const rows = await rowsOf<ChainRow>(db, CHAIN, [id]);
  const [self, ...ancestors] = rows;
  if (!self) return null;
  return {
    id: self.id,
    type: self.type,
    name: self.name,
    parentId: self.parentId,
    ownerId: self.ownerId,
    version: self.version,
    ancestorIds: ancestors.map((row) => row.id),
    memberIds: [...new Set(rows.flatMap((row) => [row.ownerId, ...row.shared]))],
  };
}

const CHAIN = `
    WITH RECURSIVE chain AS (
      SELECT e."id", e."type", e."name", e."parentId", e."ownerId", e."version", 0 AS depth
        FROM "entity" e WHERE e."id" = $1
      UNION ALL
      SELECT p."id", p."type", p."name", p."parentId", p."ownerId", p."version", c.depth + 1
        FROM "entity" p JOIN chain c ON p."id" = c."parentId"
       WHERE c.depth < 1000
    )
    SELECT c."id", c."type", c."name", c."parentId", c."ownerId", c."version", c.depth,
           COALESCE(array_agg(s."userId") FILTER (WHERE s."userId" IS NOT NULL), '{}') AS shared
      FROM chain c LEFT JOIN "entity_share" s ON s."entityId" = c."id"
     GROUP BY c."id", c."type", c."name", c."parentId", c."ownerId", c."version", c.depth
     ORDER BY c.depth`;
