import Link from "next/link";
import { requireUser } from "@/app/platform";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

type Place = { href: string; title: string; text: string; permission: Permission };

const PLACES: Place[] = [
  {
    href: "/editor",
    title: "Editor",
    text: "Open your projects and edit parametric entities; every view recomputes from their params.",
    permission: "app.use",
  },
  {
    href: "/inbox",
    title: "Inbox",
    text: "Work the review tasks assigned to you, beside the live model at the submitted revision.",
    permission: "task.work",
  },
  {
    href: "/admin/errors",
    title: "Error queue",
    text: "Revive or cancel the tasks that failed in the background.",
    permission: "flow.manage",
  },
  { href: "/admin/users", title: "Users", text: "See who may sign in, disable accounts and end sessions.", permission: "users.manage" },
];

/** Which place to put first for a user: their main role's. */
const FIRST: Record<Role, string> = { engineer: "/editor", reviewer: "/inbox", admin: "/admin/errors" };

// GET /: leads each kind of user to their place.
export default async function HomePage() {
  const user = await requireUser();
  const places = PLACES.filter((place) => can(user, place.permission));
  const first = user.roles.map((role) => FIRST[role]);
  places.sort((a, b) => Number(first.includes(b.href)) - Number(first.includes(a.href)));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Welcome, {user.name.split(" ")[0]}</h1>
        <p className="text-slate-600">Where would you like to work?</p>
      </div>
      {places.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
          Your account holds no role yet. Ask an admin to give you one.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {places.map((place, index) => (
            <li key={place.href}>
              <Link
                href={place.href}
                className={`block h-full rounded-xl border bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow ${index === 0 ? "border-brand-500" : "border-slate-200"}`}
              >
                <h2 className="font-semibold text-slate-900">
                  {place.title}
                  {index === 0 && (
                    <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">Your place</span>
                  )}
                </h2>
                <p className="mt-1 text-sm text-slate-600">{place.text}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
