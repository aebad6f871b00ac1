import { pool } from "@/lib/db/pool";
import { empty, rowsOf, sql, type Sql } from "@/lib/db/sql";
import { can } from "@/lib/auth/permissions";
import { memberOf, readableSql, readsEveryEntity } from "./access";
import type { Actor, SearchHit } from "./types";

/** Hits a search answers. */
export const SEARCH_HITS = 20;
/** Matches taken in the table's order, then ranked (names that start with the text first, then by name). */
const RANKED = 200;
/** Matches an engineer's membership is asked of before the search narrows to their part of the tree. */
const PROBED = 500;

/**
 * The entities whose name holds `text` (any case; with fewer than three letters, whose name starts
 * with it), of one type if given, among those the actor may see, each with its path; answered as
 * people type. Matches come from the trigram index (entity_name_trgm_idx); the first RANKED the
 * actor may see are ranked, never every match sorted: "Beam" matches 99,000 of bench/tree.ts's
 * 100,000 entities, sorted by name 116 ms, ranked this way 1.4 ms.
 *
 * Who may see a match is the access predicate (lib/entities/access.ts). For an engineer who sees a
 * small part of the workspace, most matches are others': when the first PROBED hold too few of
 * theirs, the matches are narrowed to their tops' subtrees (the GIN index of "ancestorIds"), where
 * the predicate still decides. Measured at 100,000 entities: an engineer seeing 270 of them, "beam",
 * probing every match 1,022 ms, narrowed 2.8 ms; the engineer who sees 40,000, narrowed 150 ms
 * (their 337 tops make a long GIN scan), probed 3 ms: hence probe first, narrow only if needed.
 */
export async function searchEntities(actor: Actor, input: { text: string; type?: string | null }): Promise<SearchHit[]> {
  const text = input.text.trim();
  if (text.length === 0) return [];
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = text.length < 3 ? `${escaped}%` : `%${escaped}%`;
  const matches = sql`e."name" ILIKE ${pattern} ${input.type ? sql`AND e."type" = ${input.type}` : empty}`;
  const columns = sql`e."id", e."type", e."name", e."ancestorIds"`;
  let hits: Sql;
  if (readsEveryEntity(actor)) {
    hits = sql`SELECT ${columns} FROM "entity" e WHERE ${matches} LIMIT ${RANKED}`;
  } else if (can(actor, "entity.edit.member")) {
    hits = sql`
      WITH probe AS MATERIALIZED (SELECT ${columns} FROM "entity" e WHERE ${matches} LIMIT ${PROBED}),
      direct AS MATERIALIZED (SELECT * FROM probe e WHERE ${memberOf(actor, "e")} LIMIT ${RANKED}),
      tops AS MATERIALIZED (
        SELECT ARRAY(SELECT e."id" FROM "entity" e WHERE e."ownerId" = ${actor.id} AND e."topOfOwner"
                     UNION SELECT s."entityId" FROM "entity_share" s WHERE s."userId" = ${actor.id} AND s."topOfUser") AS ids)
      SELECT * FROM direct
      UNION
      SELECT ${columns} FROM "entity" e
       WHERE (SELECT count(*) FROM direct) < ${SEARCH_HITS} AND (SELECT count(*) FROM probe) = ${PROBED}
         AND ${matches}
         AND (e."ancestorIds" && (SELECT ids FROM tops)::text[] OR e."id" = ANY ((SELECT ids FROM tops)::text[]))
         AND ${memberOf(actor, "e")}`;
  } else {
    return [];
  }
  const rows = await rowsOf<SearchHit>(
    pool,
    sql`
    SELECT h."id", h."type", h."name",
      (SELECT coalesce(json_agg(json_build_object('id', a."id", 'name', a."name") ORDER BY step.n), '[]')
         FROM unnest(h."ancestorIds") WITH ORDINALITY AS step("id", n) JOIN "entity" a ON a."id" = step."id"
        WHERE ${readableSql(actor, "a")}) AS "path"
    FROM (${hits}) h
    ORDER BY h."name" ILIKE ${`${escaped}%`} DESC, h."name", h."id"
    LIMIT ${SEARCH_HITS}`,
  );
  return rows;
}
