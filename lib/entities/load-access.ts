import { pool } from "@/lib/db/pool";
import { rowOf, sql, type Queryable } from "@/lib/db/sql";
import { membershipSql, type AccessFacts } from "./access";
import type { Actor } from "./types";

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

/**
 * @internal The entity and whether the actor is a member of it, in one statement (membership is
 * decided in SQL, lib/entities/access.ts). Null when there is no such entity.
 */
export async function loadEntityAccess(actor: Actor, id: string, db: Queryable = pool): Promise<EntityAccess | null> {
  // Every page and call of an entity asks this first; plain pg costs a quarter of Prisma's CPU a
  // statement (docs/benchmarks.md, View calls: where a call's time goes).
  const row = await rowOf<Omit<EntityAccess, "ancestorIds"> & { ancestorIds: string[] }>(
    db,
    sql`SELECT e."id", e."type", e."name", e."parentId", e."ownerId", e."version", e."ancestorIds", ${membershipSql(actor, "e")} AS "member"
          FROM "entity" e WHERE e."id" = ${id}`,
  );
  return row && { ...row, ancestorIds: [...row.ancestorIds].reverse() };
}
