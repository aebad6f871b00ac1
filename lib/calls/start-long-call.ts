import type pg from "pg";
import { withTransaction } from "@/lib/db/sql";
import { refuse, succeed, type Result } from "@/lib/result";
import { LONG_CALL_TASK, MAX_RUNS, type CallKind } from "./long-call";
import { notifyingUpdate } from "./notify-call";

/** Deliveries of one call's job: a worker dying mid-call spends one (lib/jobs/heartbeat.ts); the last ends a call that ran MAX_RUNS times. */
const MAX_DELIVERIES = MAX_RUNS + 2;

/** Finished calls are kept this long, for a client following one again; then its user's next start removes them. */
const KEEP_FINISHED = "1 day";

/** Long calls one user may have running or queued at once (GUSSET_LONG_CALLS_PER_USER). Default: 10. */
export const LONG_CALLS_PER_USER = Number(process.env.GUSSET_LONG_CALLS_PER_USER ?? 10);

/** One user's starts, one after another: the count below and the insert see each other. */
const LOCK_USER = `SELECT pg_advisory_xact_lock(hashtextextended('long_call:' || $1, 0))`;

const EXISTS = `SELECT 1 FROM long_call WHERE id = $1`;

/**
 * A newer Update of the same view on the same entity supersedes the user's older one, as the
 * browser's newer request aborts its older one: cancel requested, and a queued one ends cancelled
 * at once (request-call-cancel.ts does the same for one call). Not buttons: a button's press may
 * have effects, and a second press is a second action.
 */
const SUPERSEDE = notifyingUpdate(`
  UPDATE long_call
     SET "cancelRequested" = true, "updatedAt" = now(),
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         failure = CASE WHEN status = 'queued' THEN '{"code":"cancelled","message":"Cancelled.","fields":[]}'::jsonb ELSE failure END,
         "finishedAt" = CASE WHEN status = 'queued' THEN now() ELSE "finishedAt" END
   WHERE "userId" = $1 AND "entityId" = $2 AND kind = 'view' AND name = $3
     AND status IN ('queued', 'running') AND NOT "cancelRequested"
   RETURNING *`);

/** The user's calls that still hold a place: queued or running, and not being cancelled. */
const ACTIVE = `
  SELECT count(*)::int AS n FROM long_call
   WHERE "userId" = $1 AND status IN ('queued', 'running') AND NOT "cancelRequested"`;

/**
 * The row and its job in one statement, so neither exists without the other (a worker never looks
 * for a missing row; a row never waits for a job that was not added). It also removes the user's
 * finished calls older than KEEP_FINISHED (through the (userId, createdAt) index). The job's
 * priority is how many calls the user already has: the queue runs lower numbers first, so another
 * user's first call goes ahead of this user's tenth.
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
  SELECT graphile_worker.add_job($7, json_build_object('callId', call.id), max_attempts => $8::int, priority => $9::int) FROM call`;

export interface StartLongCall {
  /** The id the browser chose (so it can cancel before any answer came); a new one when absent. */
  readonly id?: string;
  readonly userId: string;
  readonly entityId: string;
  readonly kind: CallKind;
  readonly name: string;
  readonly params: unknown;
}

export interface StartOptions {
  /** Calls the user may have running or queued. Default: LONG_CALLS_PER_USER. */
  readonly perUser?: number;
}

/** The refusal of a call past the user's limit. */
export function tooManyCallsMessage(perUser: number): string {
  return (
    `You already have ${perUser} slow views or long buttons running or waiting, the most one person may have at once. ` +
    "Wait for one to finish, or cancel one, then run this again."
  );
}

/**
 * Queues a slow view or long button for a job worker. The caller has already checked that the user
 * may run it on this entity; the params are validated when it runs. Answers the call's id. An id
 * that exists already starts nothing: the same user sending the same call again follows it; anyone
 * else's call reads as not found when followed. The user's older call of the same view on the same
 * entity is cancelled; past `perUser` calls running or queued, the call is refused with a message.
 */
export async function startLongCall(db: pg.Pool, call: StartLongCall, options: StartOptions = {}): Promise<Result<string>> {
  const id = call.id ?? crypto.randomUUID();
  const perUser = options.perUser ?? LONG_CALLS_PER_USER;
  return withTransaction(db, async (tx) => {
    await tx.query(LOCK_USER, [call.userId]);
    if ((await tx.query(EXISTS, [id])).rowCount) return succeed(id);
    if (call.kind === "view") await tx.query(SUPERSEDE, [call.userId, call.entityId, call.name]);
    const active = (await tx.query<{ n: number }>(ACTIVE, [call.userId])).rows[0]!.n;
    if (active >= perUser) return refuse("refused", tooManyCallsMessage(perUser));
    await tx.query(START, [
      id,
      call.userId,
      call.entityId,
      call.kind,
      call.name,
      JSON.stringify(call.params ?? null),
      LONG_CALL_TASK,
      MAX_DELIVERIES,
      active,
    ]);
    return succeed(id);
  });
}
