import { succeed } from "@/lib/result";
import { db } from "@/lib/db/client";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import { subtreeIds } from "./subtree-ids";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/**
 * Deletes an entity and everything below it (the foreign key cascades), with their revisions and
 * shares. Answers how many entities went. The editor asks first, naming that number.
 */
export async function deleteEntity(actor: Actor, id: string): Promise<EntityResult<{ deleted: number }>> {
  const access = await loadEntityAccess(id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  if (!canEdit(actor, access)) return READ_ONLY;
  return db.$transaction(async (tx) => {
    const ids = await subtreeIds(id, tx);
    const { count } = await tx.entity.deleteMany({ where: { id } });
    return count === 0 ? NOT_FOUND : succeed({ deleted: ids.length });
  });
}
