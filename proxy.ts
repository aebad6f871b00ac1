import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { trustedOrigins } from "@/lib/auth/auth";
import { isSameOrigin } from "@/lib/auth/origin";
import { refreshSessionIfDue, SESSION_CHECK_SECONDS, SESSION_CHECKED_COOKIE } from "@/lib/auth/refresh-session";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

const PATH_HEADER = "x-gusset-path"; // lib/auth/guard.ts reads it

/** Pages and routes anyone may reach without a session. */
const PUBLIC = [/^\/sign-in(\/|$)/, /^\/api\/health$/];

/**
 * Runs before every page, server action and route handler. A fast first filter, not the guard: a
 * forged or ended cookie passes here and is refused by the guard every entry point calls
 * (lib/auth/guard.ts, lib/http/route.ts). What it does:
 *
 * - a POST to a page (a server action, or a form) from another origin, `null` or none is refused
 *   with 403 here, where Next's own check answered 500 ("Invalid Server Actions request.");
 * - no session cookie: a page redirects to sign-in, an `/api/` request gets 401;
 * - a session due for its daily extension is extended, and its cookie sent back on this answer
 *   (lib/auth/refresh-session.ts), asked at most once an hour per browser;
 * - a page gets its Content-Security-Policy with a fresh nonce, on the request too, where Next reads
 *   the nonce for its own scripts (lib/http/security-headers.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (request.method === "POST" && !api && !isSameOrigin(request, trustedOrigins)) {
    return new NextResponse("Cross-origin request refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const publicPath = PUBLIC.some((pattern) => pattern.test(pathname));
  const signedIn = Boolean(getSessionCookie(request));
  const path = pathname + request.nextUrl.search;
  if (!signedIn && !publicPath) {
    if (api) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(path)}`;
    return NextResponse.redirect(url);
  }

  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, path);
  const policy = api
    ? null
    : pageContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV !== "production", mapTiles: process.env.GUSSET_MAP_TILES });
  if (policy) headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  if (policy) response.headers.set("content-security-policy", policy);

  if (signedIn && !request.cookies.has(SESSION_CHECKED_COOKIE)) {
    // Asked again on the next request if the database does not answer now.
    const setCookies = await refreshSessionIfDue(request.headers).catch(() => null);
    for (const cookie of setCookies ?? []) response.headers.append("set-cookie", cookie);
    if (setCookies)
      response.headers.append(
        "set-cookie",
        `${SESSION_CHECKED_COOKIE}=1; Max-Age=${SESSION_CHECK_SECONDS}; Path=/; HttpOnly; SameSite=Lax`,
      );
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/|favicon.ico).*)"],
};
