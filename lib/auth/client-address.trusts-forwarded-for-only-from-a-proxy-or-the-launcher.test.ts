import { describe, expect, it } from "vitest";
import { clientAddress, UNVERIFIED_ADDRESS } from "./client-address";

// The per-address sign-in limit keyed on X-Forwarded-For even without a proxy, and Next passes a
// client's own header through, so rotating it defeated the limit. It is read now only when a proxy
// wrote it (its last hop) or the launcher's Next replaced it with the TCP peer (scripts/next-peer-address.mjs).

const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("the address a sign-in is counted against", () => {
  it.each([
    ["no proxy, Next not started by the launcher: a forged header", headers("203.0.113.7"), {}, UNVERIFIED_ADDRESS],
    ["no proxy, Next not started by the launcher: no header", headers(), {}, UNVERIFIED_ADDRESS],
    ["served by the launcher: the peer it wrote", headers("127.0.0.1"), { peerVerified: true }, "127.0.0.1"],
    [
      "behind a proxy: the hop it appended, not the client's own first hop",
      headers("203.0.113.7, 198.51.100.2"),
      { trustProxy: true },
      "198.51.100.2",
    ],
    ["behind a proxy: one hop", headers("198.51.100.2"), { trustProxy: true }, "198.51.100.2"],
    ["behind a proxy that wrote nothing", headers(), { trustProxy: true }, UNVERIFIED_ADDRESS],
  ])("%s", (_name, given, options, expected) => {
    expect(clientAddress(given, { trustProxy: false, peerVerified: false, ...options })).toBe(expected);
  });
});
