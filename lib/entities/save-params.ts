import { refuse } from "@/lib/result";
import { installed } from "@/lib/installation/install";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import { storeParams, type Stored } from "./store-params";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/**
 * Saves an entity's params as a new revision, if nobody saved since `expectedVersion` (the version
 * the form was opened at): validated as from the browser, the values of fields the type no longer
 * has kept, the summary recomputed. A conflict names who saved last and carries their params.
 */
export async function saveParams(
  actor: Actor,
  input: { id: string; params: unknown; expectedVersion: number },
): Promise<EntityResult<Stored>> {
  const access = await loadEntityAccess(actor, input.id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  if (!canEdit(actor, access)) return READ_ONLY;
  const type = installed().entityType(access.type);
  if (!type) return refuse("refused", "This entity's type is no longer installed; its params cannot be saved.");
  return storeParams(actor, {
    id: input.id,
    name: access.name,
    type,
    params: input.params,
    expectedVersion: input.expectedVersion,
    restoredFrom: null,
  });
}
