/**
 * A job worker: graphile-worker running flow jobs (`runJob`) and long calls (lib/calls), on the process's pool
 * (lib/db/pool.ts), no signal handlers of its own, and a heartbeat. Its owner (scripts/worker.ts) stops it on SIGTERM.
 *
 * Two runners, each fetching only the task identifiers of its own task list, each with its own
 * concurrency: flow jobs (and the hourly collections) in one, long calls in the other. Before,
 * one runner of 4 took jobs in order: one engineer's 40 full analyses queued in 2 s held all 4 slots,
 * and a design review's report job waited behind them (76 s instead of 0.5 s). A flow job now never
 * waits for a long call; long calls wait only for each other, and each user has at most
 * GUSSET_LONG_CALLS_PER_USER of them (lib/calls/start-long-call.ts). Job priority was the other way
 * (flow jobs first), rejected: a flow job would still wait for a slot held by a 30-minute call.
 */
import { EventEmitter } from "node:events";
import { run, type TaskList, type WorkerEvents } from "graphile-worker";
import type pg from "pg";
import { pool as processPool } from "@/lib/db/pool";
import { z } from "zod";
import { callJobSchema, LONG_CALL_TASK } from "@/lib/calls/long-call";
import { runLongCall } from "@/lib/calls/run-long-call";
import { callThreadSettings } from "@/lib/controller/call-threads";
import type { FlowRegistry } from "@/lib/flow/runtime/registry";
import { runJob, type JobOutcome, type JobServices } from "@/lib/flow/runtime/run-job";
import { COLLECT_CHUNKS_CRONTAB, COLLECT_CHUNKS_TASK, collectChunksTask } from "./collect-orphan-chunks-hourly";
import { COLLECT_FILES_CRONTAB, COLLECT_FILES_TASK, collectFilesTask } from "./collect-files-hourly";
import { startHeartbeat, type HeartbeatOptions } from "./heartbeat";
import { silentLogger } from "./migrate-queue";
import { DEFAULT_FLOW_JOBS, workerPoolSize } from "./worker-pool-size";

/** The task identifier of a flow's job task (lib/flow/runtime/flow-work.ts enqueues it); long calls have their own (lib/calls). */
export const FLOW_JOB = "flow_job";

const payloadSchema = z.object({ taskId: z.string(), processId: z.string(), flowName: z.string() });

export interface WorkerOptions {
  /** Where the queue and the jobs' transactions run. Default: the process's pool (lib/db/pool.ts), which then needs `workerPoolSize()` connections. */
  readonly pool?: pg.Pool;
  readonly registry: FlowRegistry;
  readonly services: JobServices;
  /** Flow jobs run at once by this process. Default: 4. */
  readonly concurrency?: number;
  /** Long calls run at once by this process, each in a worker thread of its own. Default: GUSSET_LONG_CALLS (the machine's cores). */
  readonly longCallConcurrency?: number;
  readonly heartbeat?: HeartbeatOptions;
  /** Tasks beside the platform's own (bench/queue.ts runs its no-op jobs on the app's worker this way). */
  readonly extraTasks?: TaskList;
  /** Runs long calls too (task `long_call`, lib/calls), with the installation's controllers. Default: true. */
  readonly longCalls?: boolean;
  /** Told about every delivery (for logs and tests). */
  readonly onJob?: (event: { taskId: string; outcome: JobOutcome | "error"; error?: unknown }) => void;
}

export interface RunningWorker {
  /** The graphile-worker pool ids of this process (what `locked_by` holds). */
  readonly workerIds: () => string[];
  /** Lets running jobs finish; the pool stays its owner's to end. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const concurrency = options.concurrency ?? DEFAULT_FLOW_JOBS;
  const longCalls = options.longCalls !== false;
  const longCallConcurrency = longCalls ? (options.longCallConcurrency ?? callThreadSettings().longCalls) : 0;
  // One pool for the queue, the flow transactions the jobs run (lock-process.ts) and everything else.
  const pool = options.pool ?? processPool;
  const needed = workerPoolSize(concurrency, longCallConcurrency);
  if (pool.options.max < needed) {
    throw new Error(
      `A worker running ${concurrency} flow jobs and ${longCallConcurrency} long calls at once needs a pool of ${needed} connections; set GUSSET_DB_POOL=${needed} (it is ${pool.options.max}).`,
    );
  }
  const ids = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }: { workerPool: { id: string } }) => ids.add(workerPool.id));
  const common = {
    pgPool: pool,
    // We stop it ourselves, in the order that keeps job completions (integration.md, trap 7).
    noHandleSignals: true,
    logger: silentLogger,
    events,
  } as const;

  const flowRunner = await run({
    ...common,
    concurrency,
    crontab: [COLLECT_FILES_CRONTAB, COLLECT_CHUNKS_CRONTAB].join("\n"),
    taskList: {
      ...options.extraTasks,
      [COLLECT_FILES_TASK]: collectFilesTask,
      [COLLECT_CHUNKS_TASK]: collectChunksTask,
      [FLOW_JOB]: async (payload, helpers) => {
        const job = payloadSchema.parse(payload);
        try {
          const outcome = await runJob(job, {
            db: pool,
            registry: options.registry,
            services: options.services,
            signal: helpers.abortSignal,
          });
          options.onJob?.({ taskId: job.taskId, outcome });
        } catch (error) {
          // Only the database failing gets here; the queue retries the delivery.
          options.onJob?.({ taskId: job.taskId, outcome: "error", error });
          throw error;
        }
      },
    },
  });
  const callRunner = longCalls
    ? await run({
        ...common,
        concurrency: longCallConcurrency,
        taskList: {
          [LONG_CALL_TASK]: async (payload, helpers) => {
            const { callId } = callJobSchema.parse(payload);
            await runLongCall(pool, callId, { stopping: helpers.abortSignal });
          },
        },
      })
    : null;
  const heartbeat = startHeartbeat(pool, () => [...ids], options.heartbeat);

  return {
    workerIds: () => [...ids],
    async stop() {
      await heartbeat.stop();
      await Promise.all([flowRunner.stop(), callRunner?.stop()]);
      // graphile-worker sends a job's completion after releasing its client; ending the pool at once
      // loses it and the job runs again 4 hours later (integration.md, trap 7: ≥ 50 ms fixed it).
      await new Promise((resolve) => setTimeout(resolve, 100));
    },
  };
}
