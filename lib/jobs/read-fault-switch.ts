import { db } from "@/lib/db/client";

/**
 * Whether the operator's fault switch `faults.<name>` is on: a `setting` row holding JSON `true`.
 * Jobs that opt in fail while it is on, so the error queue can be rehearsed on a running install
 * (docs/inbox-and-errors.md, "Rehearsing a failure"). Only the database sets it; no route or page writes it:
 *
 * ```sql
 * INSERT INTO setting (key, value) VALUES ('faults.reportJob', 'true')
 *   ON CONFLICT (key) DO UPDATE SET value = 'true', "updatedAt" = now();   -- on
 * DELETE FROM setting WHERE key = 'faults.reportJob';                       -- off
 * ```
 */
export async function isFaultSwitchOn(name: string): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: `faults.${name}` }, select: { value: true } });
  return row?.value === true;
}
