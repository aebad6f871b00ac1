/**
 * The address a sign-in attempt is counted against (lib/auth/throttle.ts).
 *
 * Next 16 gives a server action the request's `X-Forwarded-For` as the client sent it: its server
 * fills the header from the socket only when it is missing (`??=` in next/dist/server/base-server.js),
 * and nothing in Next exposes the socket's address to an action. So without help, an address read
 * from the header is whatever the client chose, and rotating it defeated the per-address limit.
 *
 * - `GUSSET_TRUST_PROXY=1` (a reverse proxy in front): the LAST hop, the one that proxy appended (the
 *   address it was connected from). Every hop before it is the client's own to write.
 * - Served by the launcher (scripts/start.ts): Next runs with scripts/next-peer-address.mjs, which
 *   replaces any `X-Forwarded-For` a client sent with the TCP peer's address before Next sees the
 *   request, and marks the process; the header is then that one address.
 * - Otherwise (`next start` by hand, a test): nothing tells a real address from a forged one, so every
 *   attempt shares one bucket, `unverified`.
 */

/** Set on globalThis by scripts/next-peer-address.mjs in a process whose X-Forwarded-For is the peer's address. */
export const PEER_ADDRESS_MARK = Symbol.for("gusset.x-forwarded-for-is-the-peer");

export const UNVERIFIED_ADDRESS = "unverified";

export function clientAddress(
  requestHeaders: Headers,
  {
    trustProxy = process.env.GUSSET_TRUST_PROXY === "1",
    peerVerified = PEER_ADDRESS_MARK in globalThis,
  }: { trustProxy?: boolean; peerVerified?: boolean } = {},
): string {
  const hops = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (!trustProxy && !peerVerified) return UNVERIFIED_ADDRESS;
  return hops.at(-1)?.slice(0, 100) ?? UNVERIFIED_ADDRESS;
}
