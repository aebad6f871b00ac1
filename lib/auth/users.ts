import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { db } from "@/lib/db/client";
import type { Role } from "./roles";

export type NewUser = { email: string; name: string; password: string; roles: Role[] };

/**
 * Creates a user who signs in with email and password (better-auth's
 * "credential" account). Self sign-up is off: users come from here, the
 * seed and the create-admin command.
 */
export async function createUser(input: NewUser): Promise<{ id: string }> {
  const id = randomUUID();
  const password = await hashPassword(input.password);
  await db.user.create({
    data: {
      id,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      roles: input.roles,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password } },
    },
  });
  return { id };
}

/** Disables or re-enables a user; disabling ends all their sessions at once. */
export async function setUserDisabled(userId: string, disabled: boolean): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { disabled } }),
    ...(disabled ? [db.session.deleteMany({ where: { userId } })] : []),
  ]);
}

/** Ends every session of a user (they must sign in again). */
export async function endSessionsOf(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
