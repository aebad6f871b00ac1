import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";

/**
 * better-auth, configured for Gusset. Its HTTP endpoints are not mounted:
 * sign-in and sign-out are server actions that call `auth.api` (lib/auth/sign-in.ts),
 * so the throttle and the guard cannot be bypassed through another route.
 */

const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const secure = baseURL.startsWith("https://");
/** The app's own origin (of BETTER_AUTH_URL): where a sign-in may send someone on to. */
export const appOrigin = new URL(baseURL).origin;

function loopbackTwins(url: string): string[] {
  const u = new URL(url);
  if (u.hostname !== "localhost" && u.hostname !== "127.0.0.1") return [];
  return [`${u.protocol}//localhost:${u.port}`, `${u.protocol}//127.0.0.1:${u.port}`];
}

export const trustedOrigins = [
  new URL(baseURL).origin,
  ...loopbackTwins(baseURL),
  ...(process.env.GUSSET_TRUSTED_ORIGINS?.split(",")
    .map((o) => o.trim())
    .filter(Boolean) ?? []),
];

export const auth = betterAuth({
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET,
  trustedOrigins,
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
    // No cookie cache: every request reads the session row, so sign-out,
    // disabling a user and an admin ending a session take effect at once.
    cookieCache: { enabled: false },
  },
  user: {
    additionalFields: {
      roles: { type: "string[]", input: false, required: false, defaultValue: [] },
      disabled: { type: "boolean", input: false, required: false, defaultValue: false },
    },
  },
  databaseHooks: {
    session: {
      create: {
        // A disabled user gets no session, whatever the password.
        before: async (session) => {
          const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
          return Boolean(user && !user.disabled);
        },
      },
    },
  },
  // Throttling is ours (per account and per address, in PostgreSQL).
  rateLimit: { enabled: false },
  advanced: { useSecureCookies: secure },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});
