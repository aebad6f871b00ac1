import { db } from "@/lib/db/client";

export type UserRow = { id: string; name: string; email: string; roles: string[]; disabled: boolean; sessions: number };

/** Every account with its count of live sessions, by name. */
export async function listUsers(now = new Date()): Promise<UserRow[]> {
  const users = await db.user.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      disabled: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, sessions: _count.sessions }));
}
