import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
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
 * What it does not do: extend the session (better-auth does that at most once a day: proxy.ts hands
 * the request to it when `dueForRefresh`, lib/auth/refresh-session.ts) or delete an expired row
 * (refused all the same).
 * lib/auth/session-cookie.db.test.ts holds it to `getSession`'s answers, case by case.
 */

export type CookieUser = { id: string; email: string; name: string; roles: Role[] };

type Settings = { cookieName: string; secret: string; expiresInMs: number; updateAgeMs: number };
let settings: Promise<Settings> | undefined;

/** better-auth's cookie name, secret and session ages, read from its context once (lazily: `next build` has no secret). */
function cookieSettings(): Promise<Settings> {
  settings ??= auth.$context.then(
    (context) => ({
      cookieName: context.authCookies.sessionToken.name,
      secret: context.secret,
      expiresInMs: context.sessionConfig.expiresIn * 1000,
      updateAgeMs: context.sessionConfig.updateAge * 1000,
    }),
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

const row = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()).nullable(), expiresAt: z.date() });

/**
 * The user of a live session whose signed cookie the headers carry, or null (no, forged, ended or
 * expired session; disabled user); `dueForRefresh` when better-auth would extend the session now
 * (its `updateAge` has passed since the last extension).
 */
export async function readSessionCookie(requestHeaders: Headers): Promise<{ user: CookieUser; dueForRefresh: boolean } | null> {
  const header = requestHeaders.get("cookie");
  if (!header) return null;
  const { cookieName, secret, expiresInMs, updateAgeMs } = await cookieSettings();
  const signed = cookieValue(header, cookieName);
  const token = signed && verifiedToken(signed, secret);
  if (!token) return null;
  const now = new Date();
  // Through the plain pg pool: this runs on every request, and costs a quarter of Prisma's CPU there.
  const { rows } = await pool.query(
    `SELECT u."id", u."email", u."name", u."roles", s."expiresAt"
       FROM "session" s JOIN "user" u ON u."id" = s."userId"
      WHERE s."token" = $1 AND s."expiresAt" > $2 AND u."disabled" IS NOT TRUE`,
    [token, now],
  );
  if (rows.length === 0) return null;
  const { id, email, name, roles, expiresAt } = row.parse(rows[0]);
  // better-auth's own rule (api/routes/session): extended once `updateAge` has passed since it last was.
  const dueForRefresh = expiresAt.getTime() - expiresInMs + updateAgeMs <= now.getTime();
  return { user: { id, email, name, roles: parseRoles(roles ?? []) }, dueForRefresh };
}

/** The user of a live session whose signed cookie the headers carry, or null; never extends the session. */
export async function userFromSessionCookie(requestHeaders: Headers): Promise<CookieUser | null> {
  return (await readSessionCookie(requestHeaders))?.user ?? null;
}
