import { CALL_CHANNEL } from "./long-call";

/**
 * Wraps an `UPDATE long_call … RETURNING *` so the same statement tells followers: it returns the
 * changed rows and sends one `pg_notify` per row, delivered when the statement's transaction commits.
 * The payload is the progress only (a result may be far beyond NOTIFY's 8000 bytes); a follower
 * reads the outcome from the row.
 * @internal
 */
export function notifyingUpdate(update: string): string {
  return `
    WITH changed AS (${update})
    SELECT changed.*, pg_notify('${CALL_CHANNEL}', json_build_object(
             'id', changed.id, 'status', changed.status, 'progress', changed.progress, 'message', changed.message)::text) AS notified
      FROM changed`;
}
