import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";

/**
 * Failed sign-ins counted per account and per address in a fixed window.
 * Time is an argument so tests move it instead of sleeping.
 */

export const THROTTLE = {
  windowMs: 15 * 60_000,
  perAccount: Number(process.env.GUSSET_SIGN_IN_LIMIT_ACCOUNT ?? 5),
  perAddress: Number(process.env.GUSSET_SIGN_IN_LIMIT_ADDRESS ?? 50),
};

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

/** Minutes until the caller may try again, or 0 when neither key is over its limit. */
export async function lockedForMinutes(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [keys.account, keys.address] }, windowStart: { gt: since } } });
  const over = rows.filter((row) => row.failures >= (row.key === keys.account ? THROTTLE.perAccount : THROTTLE.perAddress));
  if (over.length === 0) return 0;
  const until = Math.max(...over.map((row) => row.windowStart.getTime() + THROTTLE.windowMs));
  return Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
}

export async function recordFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  for (const key of [keys.account, keys.address]) {
    await pool.query(
      `INSERT INTO sign_in_throttle (key, failures, "windowStart") VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures      = CASE WHEN sign_in_throttle."windowStart" <= $3 THEN 1 ELSE sign_in_throttle.failures + 1 END,
         "windowStart" = CASE WHEN sign_in_throttle."windowStart" <= $3 THEN $2 ELSE sign_in_throttle."windowStart" END`,
      [key, now, since],
    );
  }
}

export async function clearAccount(keys: ThrottleKeys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keys.account } });
}
