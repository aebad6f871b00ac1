import { refuse } from "@/lib/result";
import { installed } from "@/lib/installation/install";
import { db } from "@/lib/db/client";
import { withDefaults } from "@/lib/params";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import { storeParams, type Stored } from "./store-params";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/**
 * Restores the params of an old revision by saving them as a new revision (history is never
 * rewritten). Fields added since take their defaults; the restored params must pass today's
 * parametrization. Refused with a conflict, like a save, when the entity moved on past
 * `expectedVersion`.
 */
export async function restoreRevision(
  actor: Actor,
  input: { id: string; version: number; expectedVersion: number },
): Promise<EntityResult<Stored>> {
  const access = await loadEntityAccess(actor, input.id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  if (!canEdit(actor, access)) return READ_ONLY;
  const type = installed().entityType(access.type);
  if (!type) return refuse("refused", "This entity's type is no longer installed; it cannot be restored.");
  const revision = await db.entityRevision.findUnique({
    where: { entityId_version: { entityId: input.id, version: input.version } },
    select: { params: true },
  });
  if (!revision) return refuse("not_found", `There is no version ${input.version} of this entity.`);
  return storeParams(actor, {
    id: input.id,
    name: access.name,
    type,
    params: withDefaults(type.params, revision.params),
    expectedVersion: input.expectedVersion,
    restoredFrom: input.version,
  });
}
