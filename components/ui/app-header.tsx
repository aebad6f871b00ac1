import Link from "next/link";
import type { SignedInUser } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { signOutAction } from "@/app/sign-in/actions";
import { OpenTaskCounter } from "@/components/inbox/open-task-counter";
import { can } from "@/lib/auth/permissions";

/** The bar on every signed-in page: where to go (with the live count of open tasks), who you are, sign out. */
export function AppHeader({ user, openTasks = 0 }: { user: SignedInUser | null; openTasks?: number }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-brand-600 text-sm text-white">
            G
          </span>
          Gusset
        </Link>
        {user && (
          <nav aria-label="Main" className="flex gap-4 text-sm text-slate-600">
            <Link href="/editor" className="hover:text-slate-900">
              Editor
            </Link>
            <OpenTaskCounter initial={openTasks} />
            <Link href="/flows" className="hover:text-slate-900">
              Flows
            </Link>
            {can(user, "flow.manage") && (
              <Link href="/admin/errors" className="hover:text-slate-900">
                Error queue
              </Link>
            )}
            {can(user, "users.manage") && (
              <Link href="/admin/users" className="hover:text-slate-900">
                Users
              </Link>
            )}
          </nav>
        )}
        {user && (
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-700">{user.name}</span>
            <span className="flex gap-1">
              {user.roles.map((role) => (
                <span key={role} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                  {ROLE_LABELS[role]}
                </span>
              ))}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                Sign out
              </button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
