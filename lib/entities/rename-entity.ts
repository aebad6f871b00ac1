import { refuse, succeed } from "@/lib/result";
import { db } from "@/lib/db/client";
import { canEdit, canRead } from "./access";
import { checkEntityName } from "./entity-name";
import { loadEntityAccess } from "./load-access";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/** Renames an entity the actor edits. A rename is not a params save: no revision, no version change. */
export async function renameEntity(actor: Actor, input: { id: string; name: string }): Promise<EntityResult<{ name: string }>> {
  const access = await loadEntityAccess(actor, input.id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  if (!canEdit(actor, access)) return READ_ONLY;
  const name = checkEntityName(input.name);
  if (!name.ok) return refuse("refused", name.message);
  await db.entity.update({ where: { id: input.id }, data: { name: name.name } });
  return succeed({ name: name.name });
}
