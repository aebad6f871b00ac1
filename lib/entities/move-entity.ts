import { refuse, succeed } from "@/lib/result";
import { installed } from "@/lib/installation/install";
import { pool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/sql";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import { placementProblem } from "./placement";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/** Any constant: the advisory lock that serialises moves (see below). */
const MOVE_LOCK = 7_311_101;

/**
 * Moves an entity (with its subtree) under another parent, or to the top of the tree
 * (`parentId: null`). The actor must edit both; the new parent's type must allow the entity's
 * type; an entity cannot go into its own subtree.
 *
 * Moves take one transaction-wide advisory lock and check the tree inside it: two moves that are
 * each fine alone (A into B, B into A) would otherwise both pass their check and store a cycle.
 * Moves are rare, so one lock for all of them costs nothing that matters.
 */
export async function moveEntity(
  actor: Actor,
  input: { id: string; parentId: string | null },
): Promise<EntityResult<{ parentId: string | null }>> {
  return withTransaction(pool, async (tx): Promise<EntityResult<{ parentId: string | null }>> => {
    await tx.query(`SELECT pg_advisory_xact_lock($1::bigint)`, [MOVE_LOCK]);
    const access = await loadEntityAccess(actor, input.id, tx);
    if (!access || !canRead(actor, access)) return NOT_FOUND;
    if (!canEdit(actor, access)) return READ_ONLY;
    const type = installed().entityType(access.type);
    if (!type) return refuse("refused", "This entity's type is no longer installed; it cannot be moved.");

    let parent = null;
    if (input.parentId !== null) {
      const target = await loadEntityAccess(actor, input.parentId, tx);
      if (!target || !canRead(actor, target)) return NOT_FOUND;
      if (!canEdit(actor, target)) return READ_ONLY;
      parent = { id: target.id, type: installed().entityType(target.type), ancestorIds: target.ancestorIds };
    }
    const problem = placementProblem({ type, entityId: access.id, parent });
    if (problem) return refuse("refused", problem);
    await tx.query(`UPDATE "entity" SET "parentId" = $2, "updatedAt" = now() WHERE "id" = $1`, [input.id, input.parentId]);
    return succeed({ parentId: input.parentId });
  });
}
