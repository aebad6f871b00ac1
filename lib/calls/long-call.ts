/**
 * Long calls: a slow view (durationGuess above 3 s) or a long button, run by a job worker rather
 * than inside the request that asked for it.
 *
 * Glossary:
 * - call: one row of `long_call`, the source of truth for its state; belongs to one user.
 * - start: the route inserts the row and enqueues the `long_call` job in one statement.
 * - run: a worker's delivery of that job; it runs the view or button on the stored params. A
 *   delivery after a worker died starts the computation again (calls are stateless).
 * - follow: read the row, then its changes (NOTIFY on `gusset_call`), as NDJSON lines, until the
 *   outcome. Any number of followers, on any Next process, at any time.
 * - cancel: the user asks (`cancelRequested`); a queued call ends cancelled at once, a running one
 *   when its worker sees the flag and aborts the controller's signal.
 */
import { z } from "zod";

/** The queue's task identifier (lib/jobs/start-worker.ts runs it). */
export const LONG_CALL_TASK = "long_call";

/** NOTIFY channel of call changes; the payload is a `CallEvent`. */
export const CALL_CHANNEL = "gusset_call";

export const CALL_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const FINISHED_STATUSES: readonly CallStatus[] = ["done", "failed", "cancelled"];

export const CALL_KINDS = ["view", "button"] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** What a NOTIFY carries: enough to show progress without a read; the outcome is read from the row. */
export const callEventSchema = z.object({
  id: z.string(),
  status: z.enum(CALL_STATUSES),
  progress: z.number(),
  message: z.string().nullable(),
});
export type CallEvent = z.infer<typeof callEventSchema>;

/** The job's payload. */
export const callJobSchema = z.object({ callId: z.string() });

/**
 * Runs of one call before it is given up: a call whose worker stopped this often (a view that
 * exhausts the worker's memory would kill every worker in turn) fails instead. Below the queue's
 * deliveries (start-long-call.ts), so a last delivery always finds it and ends it.
 */
export const MAX_RUNS = 3;

/** Progress messages are cut to this length, so a NOTIFY payload stays far below its 8000 bytes. */
export const MESSAGE_MAX = 300;

/** Shown while a call waits for a worker (queued, or handed back after its worker died). */
export const WAITING_MESSAGE = "Waiting for a worker…";
/** Shown when a call starts again on another delivery. */
export const RESTARTED_MESSAGE = "Started again: the worker running it stopped.";

/** A progress message of a call that started again: says so, so a bar that went back is explained. */
export function restartedProgressMessage(message: string | undefined): string {
  return message ? `${message} (started again: the worker running it stopped)` : RESTARTED_MESSAGE;
}
