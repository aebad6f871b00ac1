import { pool } from "@/lib/db/pool";
import { rowOf } from "@/lib/db/sql";
import { succeed } from "@/lib/result";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/** Counts the subtree and deletes its root in one statement; the foreign key cascades to the rest. */
const DELETE_SUBTREE = `
  WITH RECURSIVE sub AS (
    SELECT e."id", 0 AS depth FROM "entity" e WHERE e."id" = $1
    UNION ALL
    SELECT c."id", s.depth + 1 FROM "entity" c JOIN sub s ON c."parentId" = s."id" WHERE s.depth < 1000
  ), gone AS (DELETE FROM "entity" WHERE "id" = $1 RETURNING "id")
  SELECT (SELECT count(*) FROM gone)::int AS deleted, (SELECT count(*) FROM sub)::int AS subtree`;

/**
 * Deletes an entity and everything below it (the foreign key cascades), with their revisions and
 * shares. Answers how many entities went. The editor asks first, naming that number.
 */
export async function deleteEntity(actor: Actor, id: string): Promise<EntityResult<{ deleted: number }>> {
  const access = await loadEntityAccess(actor, id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  if (!canEdit(actor, access)) return READ_ONLY;
  const row = await rowOf<{ deleted: number; subtree: number }>(pool, DELETE_SUBTREE, [id]);
  return row?.deleted ? succeed({ deleted: row.subtree }) : NOT_FOUND;
}
