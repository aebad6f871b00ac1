import { refuse, succeed } from "@/lib/result";
import { randomUUID } from "node:crypto";
import { installed } from "@/lib/installation/install";
import { db } from "@/lib/db/client";
import { canEdit, canRead } from "./access";
import { checkEntityName, MAX_NAME_LENGTH } from "./entity-name";
import { asJson } from "./json";
import { loadEntityAccess } from "./load-access";
import { placementProblem } from "./placement";
import { subtreeIds } from "./subtree-ids";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/**
 * Copies an entity and its subtree next to the original, named "… (copy)". The actor owns the
 * copies, which start their own history at version 1 with the current params of the originals.
 * The actor must read the original and edit its parent.
 */
export async function duplicateEntity(actor: Actor, id: string): Promise<EntityResult<{ id: string; copied: number }>> {
  const access = await loadEntityAccess(id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  const type = installed().entityType(access.type);
  if (!type) return refuse("refused", "This entity's type is no longer installed; it cannot be copied.");

  let parent = null;
  if (access.parentId !== null) {
    const target = await loadEntityAccess(access.parentId);
    if (!target || !canEdit(actor, target)) return READ_ONLY;
    parent = { id: target.id, type: installed().entityType(target.type), ancestorIds: target.ancestorIds };
  } else if (!canEdit(actor, access)) {
    return READ_ONLY;
  }
  const problem = placementProblem({ type, entityId: null, parent });
  if (problem) return refuse("refused", problem);

  return db.$transaction(async (tx) => {
    const ids = await subtreeIds(id, tx);
    const rows = await tx.entity.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const newIds = new Map(ids.map((old) => [old, randomUUID()]));
    const copies = ids.flatMap((old) => {
      const row = byId.get(old);
      if (!row) return [];
      const name = old === id ? copyName(row.name) : row.name;
      return [{ ...row, id: newIds.get(old)!, name, parentId: old === id ? row.parentId : (newIds.get(row.parentId ?? "") ?? null) }];
    });
    await tx.entity.createMany({
      data: copies.map((copy) => ({
        id: copy.id,
        type: copy.type,
        name: copy.name,
        parentId: copy.parentId,
        params: asJson(copy.params),
        summary: asJson(copy.summary),
        ownerId: actor.id,
        version: 1,
      })),
    });
    await tx.entityRevision.createMany({
      data: copies.map((copy) => ({ id: randomUUID(), entityId: copy.id, version: 1, params: asJson(copy.params), savedById: actor.id })),
    });
    return succeed({ id: newIds.get(id)!, copied: copies.length });
  });
}

function copyName(name: string): string {
  const suffix = " (copy)";
  const copy = name.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
  return checkEntityName(copy).ok ? copy : name;
}
