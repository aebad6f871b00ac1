import type { Metadata } from "next";
import Link from "next/link";
import { UserActions } from "@/components/admin/user-actions";
import { requireUser } from "@/app/platform";
import { ROLE_LABELS, parseRoles } from "@/lib/auth/roles";
import { listUsers } from "@/lib/auth/list-users";

export const metadata: Metadata = { title: "Users" };

// GET /admin/users?after=CURSOR: a page of the accounts by name, their roles and live sessions (admins only).
export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireUser("users.manage");
  const { after } = await searchParams;
  const cursor = typeof after === "string" ? after : null;
  const { users, after: next } = await listUsers({ after: cursor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Roles
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Sessions
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? "text-slate-400" : undefined}>
                <td className="px-4 py-2">
                  {user.name}
                  {user.disabled && <span className="ml-2 rounded bg-red-50 px-1.5 text-xs text-red-700">disabled</span>}
                </td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">
                  {parseRoles(user.roles)
                    .map((role) => ROLE_LABELS[role])
                    .join(", ") || "—"}
                </td>
                <td className="px-4 py-2">{user.sessions}</td>
                <td className="px-4 py-2 text-right">
                  <UserActions userId={user.id} name={user.name} disabled={user.disabled} self={user.id === admin.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(cursor || next) && (
        <nav aria-label="Pages of users" className="flex gap-4 text-sm">
          {cursor && (
            <Link href="/admin/users" className="text-brand-700 hover:underline">
              First page
            </Link>
          )}
          {next && (
            <Link href={`/admin/users?after=${encodeURIComponent(next)}`} className="text-brand-700 hover:underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
