import { APIError } from "better-auth/api";
import { z } from "zod";
import { unstorableIssue } from "@/lib/db/storable-input";
import { auth } from "./auth";
import { clientAddress } from "./client-address";
import { giveBackAttempt, reserveAttempt, settleSuccess, throttleKeys } from "./throttle";

export const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export type SignInResult = { ok: true } | { ok: false; message: string };

/** One message for every bad credential, so the answer never tells whether an account exists. */
export const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * Signs in with email and password and sets the session cookie. The attempt is counted first, on
 * the account and on the address (lib/auth/throttle.ts), and refused without checking the password
 * while either is over its limit; a success gives the count back.
 */
export async function signIn(input: unknown, requestHeaders: Headers): Promise<SignInResult> {
  // A NUL or a lone surrogate would reach PostgreSQL (better-auth looks the email up) and answer 500.
  if (unstorableIssue(input)) return { ok: false, message: WRONG_CREDENTIALS };
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS };
  const { email, password } = parsed.data;
  const reservation = await reserveAttempt(throttleKeys(email, clientAddress(requestHeaders)));
  const minutes = reservation.lockedForMinutes;
  if (minutes > 0) {
    return { ok: false, message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    // A wrong credential keeps its count: that is the record of the failure.
    if (error instanceof APIError) return { ok: false, message: WRONG_CREDENTIALS };
    await giveBackAttempt(reservation).catch(() => {});
    throw error;
  }
  await settleSuccess(reservation);
  return { ok: true };
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await auth.api.signOut({ headers: requestHeaders }).catch(() => {});
}
