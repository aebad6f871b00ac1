/**
 * Where to send someone after signing in: `next` resolved against the app's origin the way a browser
 * resolves a Location header, kept only when it stays on that origin, and answered as a path that
 * resolves back to it. Anything else is "/". A prefix check (`/` but not `//` or `/\`) let
 * `/%09/evil.example` through: the URL parser drops tabs and newlines, so the browser read
 * `//evil.example`, another origin.
 */
export function sameOriginPath(next: unknown, appOrigin: string): string {
  if (typeof next !== "string" || next === "") return "/";
  const origin = new URL(appOrigin).origin;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The answer is resolved again by the browser (against whatever page it is on): it must be a path
  // of this origin on its own, never `//host` (a path such as `/.//evil.example` normalises to that).
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  try {
    return new URL(path, "https://resolution.check.invalid").origin === "https://resolution.check.invalid" ? path : "/";
  } catch {
    return "/";
  }
}
