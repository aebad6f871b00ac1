import { db } from "@/lib/db/client";

export type UserRow = { id: string; name: string; email: string; roles: string[]; disabled: boolean; sessions: number };

/** Accounts a page of the users page holds. */
export const USERS_PAGE = 50;

/**
 * A page of the accounts, by name (then id), each with its count of live sessions: the page after
 * the cursor `after` (the name and id of the last account of the page before), read from the index
 * (name, id) (migration 20261205100100_user_name_index), however many accounts there are.
 */
export async function listUsers(
  options: { after?: string | null; size?: number } = {},
  now = new Date(),
): Promise<{ users: UserRow[]; after: string | null }> {
  const size = options.size ?? USERS_PAGE;
  const after = decodeUserCursor(options.after);
  const users = await db.user.findMany({
    where: after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: size + 1,
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      disabled: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  const rows = users.slice(0, size).map(({ _count, ...user }) => ({ ...user, sessions: _count.sessions }));
  const last = rows.at(-1);
  return { users: rows, after: users.length > size && last ? encodeUserCursor(last) : null };
}

function encodeUserCursor(user: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([user.name, user.id]), "utf8").toString("base64url");
}

function decodeUserCursor(cursor: string | null | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string")
      return { name: value[0], id: value[1] };
  } catch {
    // Not one of ours: the first page.
  }
  return null;
}
