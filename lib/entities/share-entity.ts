import { refuse, succeed } from "@/lib/result";
import { db } from "@/lib/db/client";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult, type UserRef } from "./types";
import { can } from "@/lib/auth/permissions";
import { parseRoles } from "@/lib/auth/roles";

/**
 * Shares an entity the actor edits, and everything below it, with another engineer, who may then
 * read and edit it. Sharing twice is harmless.
 */
export async function shareEntity(actor: Actor, input: { id: string; email: string }): Promise<EntityResult<{ user: UserRef }>> {
  const access = await loadEntityAccess(actor, input.id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  if (!canEdit(actor, access)) return READ_ONLY;
  const user = await db.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    select: { id: true, name: true, roles: true, disabled: true },
  });
  if (!user || user.disabled || !can({ roles: parseRoles(user.roles) }, "entity.edit.member")) {
    return refuse("refused", `There is no engineer with the email address ${input.email.trim()}.`);
  }
  await db.entityShare.upsert({
    where: { entityId_userId: { entityId: input.id, userId: user.id } },
    create: { entityId: input.id, userId: user.id },
    update: {},
  });
  return succeed({ user: { id: user.id, name: user.name } });
}
