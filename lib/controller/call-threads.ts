/**
 * Where controller code runs: worker threads (piscina 5), not the event loop of the process that
 * answers requests. The one dispatcher (dispatch-call.ts) sends each call of an installation that
 * names its module here; a thread runs it through runCall (call-thread.ts) and answers the result.
 * A view that computes for seconds then stalls one thread, not every request of the instance, and
 * one that never ends is stopped at its time limit: its thread is terminated and replaced.
 *
 * Glossary:
 * - lane: a pool of threads. `fast` runs calls in requests (and compute() of fast views),
 *   `long` the long calls of a job worker, so a worker's flow jobs never wait for a thread behind
 *   its long calls. A lane is made on first use, so the Next process has only `fast`.
 * - time limit: wall time from when a thread starts the call; then the thread is terminated.
 * - heap limit: each thread's V8 old space (resourceLimits); a call past it ends its thread only.
 * - cancel: the call's signal aborts the view's signal in the thread; a call that has not ended
 *   CANCEL_GRACE_MS later (stuck in synchronous code) has its thread terminated.
 * - busy: more calls waiting for a thread than the lane's queue bound: answered `busy` (503 with
 *   Retry-After) at once, rather than piling up.
 *
 * Each thread has its own module instances, so its own lib/db/pool.ts (GUSSET_CALL_THREAD_DB_POOL
 * connections, default 2) for memoize and storage (docs/deployment.md, Connections).
 * @internal
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { installed } from "@/lib/installation/install";
import { defaultLongCalls } from "@/lib/jobs/worker-pool-size";
import type { Result } from "@/lib/result";
import { bundleCallThread } from "./bundle-call-thread";
import type { CallEntity } from "./dispatch-call";
import { CallLimitExceeded, CallThreadsBusy } from "./errors";
import type { LoggedFailure, ThreadAnswer, ThreadMessage, ThreadTask } from "./call-thread";
import { failureOf, logError, type Call, type CallOptions, type CallValue } from "./run-call";

export type Lane = "fast" | "long";

export interface CallThreadSettings {
  /** Threads of the fast lane (GUSSET_CALL_THREADS). Default: the machine's cores (os.availableParallelism()). */
  readonly threads: number;
  /** Fast calls that may wait for a thread; one more answers busy (GUSSET_CALL_QUEUE). Default: 8 × threads. */
  readonly queue: number;
  /** Long calls a job worker runs at once, one thread each (GUSSET_LONG_CALLS). Default: the machine's cores. */
  readonly longCalls: number;
  /** Heap limit of a thread, in MB (GUSSET_CALL_HEAP_MB). Default: 512. */
  readonly heapMb: number;
  /** Time limit of a fast call, in seconds (GUSSET_CALL_TIME_LIMIT_S); a view's `timeLimit` overrides it. Default: 30. */
  readonly timeLimitS: number;
  /** Time limit of a long call, in seconds (GUSSET_LONG_CALL_TIME_LIMIT_S). Default: 1800. */
  readonly longTimeLimitS: number;
  /** Connections of each thread's own pool (GUSSET_CALL_THREAD_DB_POOL). Default: 2. */
  readonly dbPool: number;
}

/** Cancelled calls still running this long after their cancel are ended by terminating their thread. */
export const CANCEL_GRACE_MS = 500;

/** The settings as the environment gives them now (read when a lane is made). */
export function callThreadSettings(env: NodeJS.ProcessEnv = process.env): CallThreadSettings {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number, not "${env[name]}".`);
    return value;
  };
  const threads = Math.floor(positive("GUSSET_CALL_THREADS", os.availableParallelism()));
  return {
    threads,
    queue: Math.floor(positive("GUSSET_CALL_QUEUE", 8 * threads)),
    longCalls: Math.floor(positive("GUSSET_LONG_CALLS", defaultLongCalls())),
    heapMb: positive("GUSSET_CALL_HEAP_MB", 512),
    timeLimitS: positive("GUSSET_CALL_TIME_LIMIT_S", 30),
    longTimeLimitS: positive("GUSSET_LONG_CALL_TIME_LIMIT_S", 1800),
    dbPool: Math.floor(positive("GUSSET_CALL_THREAD_DB_POOL", 2)),
  };
}

interface Threads {
  /** The installation module the threads load. */
  readonly module: string;
  readonly bundle: Promise<string>;
  readonly lanes: Map<Lane, LanePool>;
}

interface LanePool {
  readonly pool: Piscina<ThreadTask, ThreadAnswer>;
  readonly settings: CallThreadSettings;
  /** Threads, and calls that may wait for one. */
  readonly size: number;
  readonly queue: number;
  /** Calls running or waiting now. */
  calls: number;
}

// On globalThis, like the db pool: one set of threads per process, whichever of Next's bundles asks.
const globalForThreads = globalThis as unknown as { gussetCallThreads?: Threads };

/** The lane's pool for the installed module, made on first use; threads of a previous installation are ended. */
async function laneOf(lane: Lane): Promise<LanePool> {
  const installationModule = installed().module;
  if (!installationModule) throw new Error("This installation names no module, so its calls cannot run in threads.");
  let threads = globalForThreads.gussetCallThreads;
  if (threads?.module !== installationModule) {
    if (threads) await closeCallThreads();
    threads = globalForThreads.gussetCallThreads = {
      module: installationModule,
      bundle: bundleCallThread(installationModule),
      lanes: new Map(),
    };
  }
  const file = await threads.bundle;
  let made = threads.lanes.get(lane);
  if (!made) {
    const settings = callThreadSettings();
    const size = lane === "fast" ? settings.threads : settings.longCalls;
    const queue = lane === "fast" ? settings.queue : 4 * size;
    const pool = new Piscina<ThreadTask, ThreadAnswer>({
      filename: pathToFileURL(file).href,
      minThreads: size,
      maxThreads: size,
      // The queue's bound is counted here (LanePool.calls): piscina keeps a task with an AbortSignal,
      // as every call has, in a queue of its own that maxQueue does not count (measured: 10 calls at
      // once on 2 threads with maxQueue 1 all queued).
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: settings.heapMb },
      // A thread waits for its next task on its event loop (not Atomics.wait), so its pool's timers and sockets keep working.
      atomics: "async",
      env: {
        ...process.env,
        GUSSET_DB_POOL: String(settings.dbPool),
        GUSSET_PROCESS_NAME: `${process.env.GUSSET_PROCESS_NAME ?? "gusset"}-call-thread`,
      },
    });
    made = { pool, settings, size, queue, calls: 0 };
    threads.lanes.set(lane, made);
  }
  return made;
}

/** Starts the threads of a lane now (a process about to serve calls), so the first call does not wait for them. */
export async function warmCallThreads(lane: Lane = "fast"): Promise<void> {
  if (installed().module) await laneOf(lane);
}

/** Ends every call thread of this process (tests, and a worker stopping); the next call starts them again. */
export async function closeCallThreads(): Promise<void> {
  const threads = globalForThreads.gussetCallThreads;
  globalForThreads.gussetCallThreads = undefined;
  if (!threads) return;
  await Promise.all([...threads.lanes.values()].map(({ pool }) => pool.destroy()));
}

export interface ThreadCallOptions extends Omit<CallOptions, "entity"> {
  /** Seconds the call may run in its thread. */
  readonly timeLimitS: number;
}

/**
 * Runs one call in a thread of `lane` and answers its result; never throws. Failures keep the one
 * vocabulary: what the controller threw was turned into a failure by failureOf in the thread (its
 * reference logged here, through `options.log`), and a limit, a full queue or a thread that died
 * become failures through failureOf here.
 */
export async function runInThread(lane: Lane, entity: CallEntity, call: Call, options: ThreadCallOptions): Promise<Result<CallValue>> {
  const log = options.log ?? logError;
  if (options.signal?.aborted) return { ok: false, failure: failureOf(null, options.signal) };
  let threads: LanePool;
  try {
    threads = await laneOf(lane);
  } catch (error) {
    return { ok: false, failure: failureOf(error, undefined, log) };
  }
  if (threads.calls >= threads.size + threads.queue) return { ok: false, failure: failureOf(new CallThreadsBusy(BUSY_MESSAGE)) };
  threads.calls += 1;
  const { port1: port, port2: threadPort } = new MessageChannel();
  const stop = new AbortController();
  let started = false;
  let finished = false;
  let stoppedFor: "time" | "cancel" | null = null;
  let timeLimit: NodeJS.Timeout | undefined;
  let grace: NodeJS.Timeout | undefined;
  port.on("message", (message: ThreadMessage) => {
    if (finished) return;
    if ("started" in message) {
      started = true;
      timeLimit = setTimeout(() => {
        stoppedFor = "time";
        stop.abort();
      }, options.timeLimitS * 1000);
    } else options.onProgress?.(message.progress, message.message);
  });
  const onAbort = () => {
    port.postMessage("cancel");
    // Not started: out of the queue at once. Started: the view's signal first, the thread after the grace.
    if (!started) {
      stoppedFor = "cancel";
      stop.abort();
    } else
      grace = setTimeout(() => {
        stoppedFor ??= "cancel";
        stop.abort();
      }, CANCEL_GRACE_MS);
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const answer = await threads.pool.run({ entity, call, port: threadPort }, { transferList: [threadPort], signal: stop.signal });
    for (const logged of answer.logs) log(logged.reference, errorOf(logged));
    return answer.result;
  } catch (error) {
    const what = `${call.kind === "view" ? "view" : "button"} "${call.name}" of ${entity.type} ${entity.id}`;
    if (stoppedFor === "time") {
      console.warn(`[gusset] ${what} stopped at its time limit of ${options.timeLimitS} s; its thread was replaced.`);
      return { ok: false, failure: failureOf(new CallLimitExceeded("time", timeMessage(call, options.timeLimitS))) };
    }
    if (stoppedFor === "cancel" || options.signal?.aborted) return { ok: false, failure: failureOf(null, options.signal ?? stop.signal) };
    if ((error as NodeJS.ErrnoException | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
      console.warn(`[gusset] ${what} went past the heap limit of ${threads.settings.heapMb} MB; its thread was replaced.`);
      return { ok: false, failure: failureOf(new CallLimitExceeded("memory", memoryMessage(call, threads.settings.heapMb))) };
    }
    return { ok: false, failure: failureOf(error, undefined, log) };
  } finally {
    threads.calls -= 1;
    finished = true;
    clearTimeout(timeLimit);
    clearTimeout(grace);
    options.signal?.removeEventListener("abort", onAbort);
    port.close();
  }
}

export const BUSY_MESSAGE = "The server is running as many views as it can at once; try again in a moment.";

const noun = (call: Call) => (call.kind === "view" ? "view" : "button");

function timeMessage(call: Call, seconds: number): string {
  return (
    `This ${noun(call)} ran longer than its limit of ${seconds} s and was stopped. ` +
    `Try other inputs; if it needs longer, its author can raise its timeLimit or give it a durationGuess above 3 s (run on Update).`
  );
}

function memoryMessage(call: Call, heapMb: number): string {
  return `This ${noun(call)} needed more memory than its limit of ${heapMb} MB and was stopped. Try other inputs, or ask its author to make it use less.`;
}

/** The thread's error, rebuilt for the log with its own stack. */
function errorOf(logged: LoggedFailure): Error {
  const error = new Error(logged.message);
  error.name = logged.name;
  if (logged.stack) error.stack = logged.stack;
  return error;
}
