import type pg from "pg";
import { dispatchCall } from "@/lib/controller/dispatch-call";
import { untilReachable } from "@/lib/db/connection-lost";
import type { CallValue } from "@/lib/controller/run-call";
import type { Failure, Result } from "@/lib/result";
import { MAX_RUNS, MESSAGE_MAX, RESTARTED_MESSAGE, restartedProgressMessage, WAITING_MESSAGE, type CallKind } from "./long-call";
import { notifyingUpdate } from "./notify-call";

/**
 * Claims the call for this delivery: running, progress from zero (a delivery after a worker died
 * starts again; the call is stateless). Nothing when it finished or its cancel was asked for.
 */
const CLAIM = notifyingUpdate(`
  UPDATE long_call
     SET status = 'running', attempts = attempts + 1, progress = 0, "startedAt" = now(), "updatedAt" = now(),
         message = CASE WHEN attempts > 0 THEN $2 ELSE NULL END
   WHERE id = $1 AND status IN ('queued', 'running') AND NOT "cancelRequested" AND attempts < $3
   RETURNING *`);

/** A call whose worker stopped MAX_RUNS times: given up. */
const GIVE_UP = notifyingUpdate(`
  UPDATE long_call SET status = 'failed', failure = $2::jsonb, "finishedAt" = now(), "updatedAt" = now()
   WHERE id = $1 AND status IN ('queued', 'running') AND NOT "cancelRequested" AND attempts >= $3
   RETURNING *`);

/** A call cancelled before any worker started it (the cancel request finishes only queued calls). */
const END_CANCELLED_BEFORE_START = notifyingUpdate(`
  UPDATE long_call SET status = 'cancelled', failure = $2::jsonb, "finishedAt" = now(), "updatedAt" = now()
   WHERE id = $1 AND status IN ('queued', 'running') AND "cancelRequested"
   RETURNING *`);

const REPORT = notifyingUpdate(`
  UPDATE long_call SET progress = $2, message = $3, "updatedAt" = now()
   WHERE id = $1 AND status = 'running'
   RETURNING *`);

const CANCEL_REQUESTED = `SELECT "cancelRequested" FROM long_call WHERE id = $1`;

const FINISH = notifyingUpdate(`
  UPDATE long_call
     SET status = $2, result = $3::jsonb, failure = $4::jsonb, "finishedAt" = now(), "updatedAt" = now(),
         progress = CASE WHEN $2 = 'done' THEN 1 ELSE progress END
   WHERE id = $1 AND status = 'running'
   RETURNING *`);

/** Handed back for another delivery: this worker is stopping. */
const REQUEUE = notifyingUpdate(`
  UPDATE long_call SET status = 'queued', progress = 0, message = $2, "updatedAt" = now()
   WHERE id = $1 AND status = 'running'
   RETURNING *`);

const ENTITY = `SELECT id, name, type FROM entity WHERE id = $1`;

export interface RunLongCallOptions {
  /** Fires when this worker is stopping: the call is handed back, not cancelled. */
  readonly stopping?: AbortSignal;
  /** At most one progress write (and cancel check) per this many ms; the first report is written at once. Default: 250. */
  readonly reportEveryMs?: number;
}

export type RunOutcome = "done" | "failed" | "cancelled" | "skipped";

/** Thrown so the queue delivers the call again (its worker is stopping, or the database dropped out). */
export class CallHandedBack extends Error {
  override name = "CallHandedBack";
}

type Claimed = { entityId: string; kind: CallKind; name: string; params: unknown; attempts: number };

/**
 * One delivery of a long call's job (lib/jobs/start-worker.ts): runs the view or button on the
 * stored params with the dispatcher's checks, writes progress at most every `reportEveryMs` and
 * reads the cancel flag as often, and stores the outcome. Throws only when the database fails or
 * the worker is stopping, so the queue delivers it again.
 */
export async function runLongCall(db: pg.Pool, callId: string, options: RunLongCallOptions): Promise<RunOutcome> {
  const { rows } = await db.query<Claimed>(CLAIM, [callId, RESTARTED_MESSAGE, MAX_RUNS]);
  const call = rows[0];
  if (!call) {
    const givenUp = await db.query(GIVE_UP, [callId, JSON.stringify(givenUpFailure(callId)), MAX_RUNS]);
    if ((givenUp.rowCount ?? 0) > 0) {
      console.error(`[worker] call ${callId} given up: its worker stopped during each of ${MAX_RUNS} runs.`);
      return "failed";
    }
    await db.query(END_CANCELLED_BEFORE_START, [callId, JSON.stringify(cancelledFailure)]);
    return "skipped";
  }
  const finish = async (outcome: Result<CallValue>): Promise<RunOutcome> => {
    const status = outcome.ok ? "done" : outcome.failure.code === "cancelled" ? "cancelled" : "failed";
    // The outcome is computed: a database restart meanwhile only delays writing it.
    await untilReachable(() =>
      db.query(FINISH, [
        callId,
        status,
        outcome.ok ? JSON.stringify(outcome.value) : null,
        outcome.ok ? null : JSON.stringify(outcome.failure),
      ]),
    );
    return status;
  };

  const entity = (await db.query<{ id: string; name: string; type: string }>(ENTITY, [call.entityId])).rows[0];
  if (!entity) return finish({ ok: false, failure: { code: "not_found", message: "There is no such entity any more.", fields: [] } });

  const cancel = new AbortController();
  const signal = options.stopping ? AbortSignal.any([cancel.signal, options.stopping]) : cancel.signal;
  const reporter = startReporter(db, callId, cancel, options.reportEveryMs ?? 250);
  const report =
    call.attempts > 1
      ? (fraction: number, message?: string) => reporter.report(fraction, restartedProgressMessage(message))
      : reporter.report;
  let outcome: Result<CallValue>;
  try {
    // The one dispatcher, as a request's call and compute() are run; here in the worker, whatever its duration.
    outcome = await dispatchCall({ entity }, { kind: call.kind, name: call.name, params: call.params }, { signal, onProgress: report });
  } finally {
    await reporter.stop();
  }
  if (options.stopping?.aborted && !cancel.signal.aborted) {
    await db.query(REQUEUE, [callId, WAITING_MESSAGE]);
    throw new CallHandedBack(`Call ${callId} handed back: the worker is stopping.`);
  }
  // The database dropped out under the call (its reads failed): calls are stateless, so it runs again.
  if (!outcome.ok && outcome.failure.code === "busy") {
    await untilReachable(() => db.query(REQUEUE, [callId, WAITING_MESSAGE]));
    throw new CallHandedBack(`Call ${callId} handed back: the database could not be reached.`);
  }
  return finish(outcome);
}

const cancelledFailure: Failure = { code: "cancelled", message: "Cancelled.", fields: [] };

function givenUpFailure(callId: string): Failure {
  const reference = callId.slice(0, 8);
  return {
    code: "internal",
    fields: [],
    message: `The worker running this call stopped during each of its ${MAX_RUNS} runs, so it is not tried again (reference ${reference}).`,
    reference,
  };
}

/**
 * Progress to the row, throttled: the controller may report thousands of times; the row gets the
 * first report at once, then the latest at most once per `everyMs`. Each tick also reads the
 * cancel flag, so a cancel is seen within `everyMs` even when nothing is reported.
 */
function startReporter(db: pg.Pool, callId: string, cancel: AbortController, everyMs: number) {
  let pending: { fraction: number; message: string | null } | null = null;
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  let written = false;
  const flush = () => {
    if (busy) return; // a slow write: the next tick writes the latest
    busy = true;
    writing = (async () => {
      const next = pending;
      pending = null;
      const { rows } = next
        ? await db.query<{ cancelRequested: boolean }>(REPORT, [callId, next.fraction, next.message?.slice(0, MESSAGE_MAX) ?? null])
        : await db.query<{ cancelRequested: boolean }>(CANCEL_REQUESTED, [callId]);
      if (rows[0]?.cancelRequested) cancel.abort();
    })()
      .catch((error: unknown) =>
        console.error(`[worker] progress of call ${callId} not written: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (busy = false));
  };
  const timer = setInterval(flush, everyMs);
  return {
    report(fraction: number, message?: string) {
      pending = { fraction, message: message ?? null };
      if (!written) {
        written = true;
        flush();
      }
    },
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}
