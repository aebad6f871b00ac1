import { pool } from "@/lib/db/pool";
import { rowOf, sql } from "@/lib/db/sql";
import { readableSql } from "./access";
import type { Actor } from "./types";

/**
 * How many entities an entity holds, at any depth (what deleting it deletes besides it), read from
 * the GIN index of "ancestorIds"; null when the actor may not see it.
 */
export async function countSubtree(actor: Actor, id: string): Promise<{ inside: number } | null> {
  const row = await rowOf<{ inside: number }>(
    pool,
    sql`SELECT (SELECT count(*)::int FROM "entity" d WHERE d."ancestorIds" @> ARRAY[e."id"]) AS "inside"
          FROM "entity" e WHERE e."id" = ${id} AND ${readableSql(actor, "e")}`,
  );
  return row;
}
