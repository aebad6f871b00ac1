import { pool } from "@/lib/db/pool";
import { rowsOf } from "@/lib/db/sql";

/**
 * Failed sign-ins counted per account and per address in a fixed window, in PostgreSQL (so the
 * limits hold across instances). Time is an argument so tests move it instead of sleeping.
 *
 * An attempt is counted BEFORE its password is checked: one UPSERT … RETURNING reserves it on both
 * keys and answers the counts, so the check and the record of a failure are one atomic step. A
 * success gives its reservation back. The check and the record used to be two statements: 50
 * parallel wrong passwords for one account all read "0 failures" and were all checked (limit 5), and
 * the right password at position 17 of 20 parallel tries signed in.
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

/** An attempt counted on both keys: the window each count is in, to give it back on success. */
export interface Reservation {
  readonly keys: ThrottleKeys;
  /** Minutes until the caller may try again, or 0 when this attempt is within both limits. */
  readonly lockedForMinutes: number;
  readonly windows: Readonly<Record<string, Date>>;
}

// The account's row comes first in every statement (the VALUES order), so two reservations never
// lock the same two rows in opposite orders.
const RESERVE = `
  INSERT INTO sign_in_throttle (key, failures, "windowStart") VALUES ($1, 1, $3), ($2, 1, $3)
  ON CONFLICT (key) DO UPDATE SET
    failures      = CASE WHEN sign_in_throttle."windowStart" <= $4 THEN 1 ELSE sign_in_throttle.failures + 1 END,
    "windowStart" = CASE WHEN sign_in_throttle."windowStart" <= $4 THEN $3 ELSE sign_in_throttle."windowStart" END
  RETURNING key, failures, "windowStart"`;

/** Counts one attempt on the account and the address, and says whether it is over either limit. */
export async function reserveAttempt(keys: ThrottleKeys, now = new Date()): Promise<Reservation> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const rows = await rowsOf<{ key: string; failures: number; windowStart: Date }>(pool, RESERVE, [keys.account, keys.address, now, since]);
  const over = rows.filter((row) => row.failures > (row.key === keys.account ? THROTTLE.perAccount : THROTTLE.perAddress));
  const until = Math.max(0, ...over.map((row) => row.windowStart.getTime() + THROTTLE.windowMs));
  return {
    keys,
    lockedForMinutes: over.length === 0 ? 0 : Math.max(1, Math.ceil((until - now.getTime()) / 60_000)),
    windows: Object.fromEntries(rows.map((row) => [row.key, row.windowStart])),
  };
}

const GIVE_BACK = `
  UPDATE sign_in_throttle SET failures = failures - 1
   WHERE key = $1 AND "windowStart" = $2 AND failures > 0`;

/**
 * A signed-in attempt was no failure: the account starts again from nothing, and the address gets
 * its count back (only if that count is still in the window it was made in).
 */
export async function settleSuccess(reservation: Reservation): Promise<void> {
  await pool.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [reservation.keys.account]);
  await giveBack(reservation, reservation.keys.address);
}

/** An attempt that was never judged (the check itself failed): both counts go back. */
export async function giveBackAttempt(reservation: Reservation): Promise<void> {
  await giveBack(reservation, reservation.keys.account);
  await giveBack(reservation, reservation.keys.address);
}

async function giveBack(reservation: Reservation, key: string): Promise<void> {
  const window = reservation.windows[key];
  if (window) await pool.query(GIVE_BACK, [key, window]);
}
