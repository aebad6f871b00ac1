import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";
import { readSessionCookie } from "./session-cookie";

/**
 * The gate of every page and server action (route handlers have lib/http/route.ts).
 * proxy.ts only redirects requests without a session cookie; this is the
 * check that counts (the session row is read on every call, by session-cookie.ts).
 */

export type SignedInUser = { id: string; email: string; name: string; roles: Role[] };

/** Header set by proxy.ts so the sign-in page can send the user back where they were. */
export const PATH_HEADER = "x-gusset-path";

/**
 * The signed-in user of a page's or action's request, or null (no, expired, forged or ended session;
 * disabled user), in one statement. It never extends the session: proxy.ts does, where the cookie can
 * be sent back (lib/auth/refresh-session.ts).
 */
export async function userFromHeaders(requestHeaders: Headers): Promise<SignedInUser | null> {
  return (await readSessionCookie(requestHeaders).catch(() => null))?.user ?? null;
}

// A page's layout and the page itself both ask who is signed in; the answer is read once per request,
// keyed by the request's headers object (Next hands every call in a request the same one; it is
// forgotten with the request). The home page at 20 connections went from 125 to 152 a second. Within
// one request the answer is fixed: an action ending its caller's own session counts from the next.
const usersOfRequests = new WeakMap<Headers, Promise<SignedInUser | null>>();

function userOfRequest(requestHeaders: Headers): Promise<SignedInUser | null> {
  let user = usersOfRequests.get(requestHeaders);
  if (!user) {
    user = userFromHeaders(requestHeaders);
    usersOfRequests.set(requestHeaders, user);
  }
  return user;
}

/** The signed-in user for a page or server component, or null. */
export async function currentUser(): Promise<SignedInUser | null> {
  return userOfRequest(await headers());
}

/**
 * For pages and server actions: the signed-in user holding `permission` (default: using the app
 * at all). Without a session it redirects to the sign-in page; without the permission it renders
 * the 403 page (app/forbidden.tsx).
 */
export async function requireUser(permission: Permission = "app.use"): Promise<SignedInUser> {
  const requestHeaders = await headers();
  const user = await userOfRequest(requestHeaders);
  if (!user) {
    const back = requestHeaders.get(PATH_HEADER);
    redirect(back ? `/sign-in?next=${encodeURIComponent(back)}` : "/sign-in");
  }
  if (!can(user, permission)) forbidden();
  return user;
}
