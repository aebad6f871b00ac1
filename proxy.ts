import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

const PATH_HEADER = "x-gusset-path"; // lib/auth/guard.ts reads it

/**
 * A fast first filter only: no session cookie → the sign-in page. A forged or
 * ended cookie passes here and is refused by the guard every page, action and
 * route handler calls (lib/auth/guard.ts).
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (!getSessionCookie(request)) {
    if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(path)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!sign-in|_next/|favicon.ico|api/health).*)"],
};
