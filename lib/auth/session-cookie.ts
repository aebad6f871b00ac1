import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { parseRoles, type Role } from "./roles";

/**
 * The signed-in user of a route handler's request in ONE statement (session joined to its user),
 * where better-auth's `getSession` takes two (the session row, then the user row). It checks what
 * `getSession` checks, with better-auth's own cookie name and secret:
 *
 * - the cookie is `token.signature`, the signature an HMAC-SHA256 of the token with the secret
 *   (better-call's signed cookie: 44 base64 characters), compared in constant time: a forged or
 *   tampered cookie is refused before the database is asked;
 * - the session row exists (sign-out and an admin ending sessions delete it) and has not expired;
 * - the user is not disabled.
 *
 * What it does not do: extend the session (better-auth does that at most once a day, on the page
 * loads that go through `requireUser`) or delete an expired row (refused here all the same).
 * lib/auth/session-cookie.db.test.ts holds it to `getSession`'s answers, case by case.
 */

export type CookieUser = { id: string; email: string; name: string; roles: Role[] };

let settings: Promise<{ cookieName: string; secret: string }> | undefined;

/** better-auth's cookie name and secret, read from its context once (lazily: `next build` has no secret). */
function cookieSettings(): Promise<{ cookieName: string; secret: string }> {
  settings ??= auth.$context.then(
    (context) => ({ cookieName: context.authCookies.sessionToken.name, secret: context.secret }),
    (error: unknown) => {
      settings = undefined;
      throw error;
    },
  );
  return settings;
}

/** The first cookie of that name, URL-decoded, as better-call's parser reads it. */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The token of a `token.signature` value whose signature is the secret's HMAC of the token; null otherwise. */
export function verifiedToken(signedValue: string, secret: string): string | null {
  const dot = signedValue.lastIndexOf(".");
  if (dot < 1) return null;
  const token = signedValue.slice(0, dot);
  const given = Buffer.from(signedValue.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

const row = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()).nullable() });

/** The user of a live session whose signed cookie the headers carry, or null (no, forged, ended or expired session; disabled user). */
export async function userFromSessionCookie(requestHeaders: Headers): Promise<CookieUser | null> {
  const header = requestHeaders.get("cookie");
  if (!header) return null;
  const { cookieName, secret } = await cookieSettings();
  const signed = cookieValue(header, cookieName);
  const token = signed && verifiedToken(signed, secret);
  if (!token) return null;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT u."id", u."email", u."name", u."roles"
      FROM "session" s JOIN "user" u ON u."id" = s."userId"
     WHERE s."token" = ${token} AND s."expiresAt" > ${new Date()} AND u."disabled" IS NOT TRUE`;
  if (rows.length === 0) return null;
  const { id, email, name, roles } = row.parse(rows[0]);
  return { id, email, name, roles: parseRoles(roles ?? []) };
}
