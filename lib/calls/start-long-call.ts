import type pg from "pg";
import { LONG_CALL_TASK, MAX_RUNS, type CallKind } from "./long-call";

/** Deliveries of one call's job: a worker dying mid-call spends one (lib/jobs/heartbeat.ts); the last ends a call that ran MAX_RUNS times. */
const MAX_DELIVERIES = MAX_RUNS + 2;

/** Finished calls are kept this long, for a client following one again; then its user's next start removes them. */
const KEEP_FINISHED = "1 day";

/**
 * The row and its job in one statement, so neither exists without the other (a worker never looks
 * for a missing row; a row never waits for a job that was not added). It also removes the user's
 * finished calls older than KEEP_FINISHED (through the (userId, createdAt) index).
 */
const START = `
  WITH expired AS (
    DELETE FROM long_call
     WHERE "userId" = $2 AND "createdAt" < now() - interval '${KEEP_FINISHED}' AND status IN ('done', 'failed', 'cancelled')
  ), call AS (
    INSERT INTO long_call (id, "userId", "entityId", kind, name, params)
    VALUES ($1, $2, $3, $4, $5, $6::jsonb)
    ON CONFLICT (id) DO NOTHING
    RETURNING id
  )
  SELECT graphile_worker.add_job($7, json_build_object('callId', call.id), max_attempts => $8::int) FROM call`;

export interface StartLongCall {
  /** The id the browser chose (so it can cancel before any answer came); a new one when absent. */
  readonly id?: string;
  readonly userId: string;
  readonly entityId: string;
  readonly kind: CallKind;
  readonly name: string;
  readonly params: unknown;
}

/**
 * Queues a slow view or long button for a job worker. The caller has already checked that the user
 * may run it on this entity; the params are validated when it runs. Answers the call's id. An id
 * that exists already starts nothing: the same user sending the same call again follows it; anyone
 * else's call reads as not found when followed.
 */
export async function startLongCall(db: Pick<pg.Pool, "query">, call: StartLongCall): Promise<string> {
  const id = call.id ?? crypto.randomUUID();
  await db.query(START, [
    id,
    call.userId,
    call.entityId,
    call.kind,
    call.name,
    JSON.stringify(call.params ?? null),
    LONG_CALL_TASK,
    MAX_DELIVERIES,
  ]);
  return id;
}
