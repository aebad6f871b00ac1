/**
 * True when a request's Origin is this site: one of the trusted origins, or
 * the origin of the Host it was sent to. A request without Origin is refused
 * (browsers send it on every POST; scripts can set it).
 */
export function isSameOrigin(request: Request, trustedOrigins: readonly string[]): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (trustedOrigins.includes(origin)) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return host !== null && origin === `${proto}://${host}`;
}

export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
