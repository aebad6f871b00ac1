import type pg from "pg";
import { notifyingUpdate } from "./notify-call";

/**
 * Marks the call cancel-requested, if it is the user's and not finished. A queued call ends
 * cancelled at once (no worker need start it); a running one ends when its worker sees the flag.
 */
const CANCEL = notifyingUpdate(`
  UPDATE long_call
     SET "cancelRequested" = true, "updatedAt" = now(),
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         failure = CASE WHEN status = 'queued' THEN '{"code":"cancelled","message":"Cancelled.","fields":[]}'::jsonb ELSE failure END,
         "finishedAt" = CASE WHEN status = 'queued' THEN now() ELSE "finishedAt" END
   WHERE id = $1 AND "userId" = $2 AND status IN ('queued', 'running')
   RETURNING *`);

/** "finished": nothing left to cancel; "not_found": no such call, or not this user's. */
export async function requestCallCancel(
  db: Pick<pg.Pool, "query">,
  userId: string,
  callId: string,
): Promise<"requested" | "finished" | "not_found"> {
  const { rowCount } = await db.query(CANCEL, [callId, userId]);
  if ((rowCount ?? 0) > 0) return "requested";
  const { rows } = await db.query(`SELECT 1 FROM long_call WHERE id = $1 AND "userId" = $2`, [callId, userId]);
  return rows.length > 0 ? "finished" : "not_found";
}
