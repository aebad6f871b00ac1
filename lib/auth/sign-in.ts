import { APIError } from "better-auth/api";
import { z } from "zod";
import { auth } from "./auth";
import { clearAccount, lockedForMinutes, recordFailure, throttleKeys } from "./throttle";

export const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export type SignInResult = { ok: true } | { ok: false; message: string };

/** One message for every bad credential, so the answer never tells whether an account exists. */
export const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * Signs in with email and password and sets the session cookie. Refuses while
 * the account or the address has too many recent failures.
 */
export async function signIn(input: unknown, requestHeaders: Headers): Promise<SignInResult> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientAddress(requestHeaders));

  const minutes = await lockedForMinutes(keys);
  if (minutes > 0) {
    return { ok: false, message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await recordFailure(keys);
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  await clearAccount(keys);
  return { ok: true };
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await auth.api.signOut({ headers: requestHeaders }).catch(() => {});
}

/**
 * The caller's address. Behind a proxy set GUSSET_TRUST_PROXY=1 so the first
 * X-Forwarded-For hop counts; otherwise the address Next saw (x-forwarded-for
 * as set by Next's own server) or a shared bucket.
 */
function clientAddress(requestHeaders: Headers): string {
  const forwarded = requestHeaders.get("x-forwarded-for");
  if (!forwarded) return "unknown";
  const hops = forwarded.split(",").map((hop) => hop.trim());
  return (process.env.GUSSET_TRUST_PROXY === "1" ? hops[0] : hops.at(-1)) ?? "unknown";
}
