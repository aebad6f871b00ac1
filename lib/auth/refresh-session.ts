import { auth } from "./auth";
import { readSessionCookie } from "./session-cookie";

/**
 * Extending a session, in the one place that can send its cookie back: proxy.ts. better-auth extends
 * a session once a day (`updateAge`) to a week from then, and sets its cookie again with the new
 * Max-Age. The guard of pages used to trigger that through better-auth's getSession, but a Server
 * Component cannot set cookies (Next refuses, and better-auth's nextCookies plugin swallows the
 * refusal): the session was extended in the database while the browser kept a cookie that expired a
 * week after sign-in. The proxy answers every kind of request, so it sets the cookie there.
 *
 * So that this costs a statement only now and then, the proxy asks at most once an hour per browser:
 * it sets SESSION_CHECKED_COOKIE (a hint with no authority: without it, it just asks again).
 */

export const SESSION_CHECKED_COOKIE = "gusset.session_checked";
export const SESSION_CHECK_SECONDS = 60 * 60;

/** The Set-Cookie values that extend the session the headers carry when it is due; none otherwise. */
export async function refreshSessionIfDue(requestHeaders: Headers): Promise<string[]> {
  const read = await readSessionCookie(requestHeaders);
  if (!read?.dueForRefresh) return [];
  const { headers } = await auth.api.getSession({ headers: requestHeaders, returnHeaders: true });
  return headers.getSetCookie();
}
