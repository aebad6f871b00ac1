/**
 * How many connections a job worker's pool needs, and the default of GUSSET_DB_POOL in a worker
 * process. Imports nothing of ours: scripts/worker.ts imports it before anything that loads
 * lib/db/pool.ts, which reads GUSSET_DB_POOL once.
 */
import os from "node:os";

/** Flow jobs a worker runs at once (GUSSET_WORKER_CONCURRENCY). */
export const DEFAULT_FLOW_JOBS = 4;

/** Long calls a worker runs at once, one call thread each (GUSSET_LONG_CALLS): the machine's cores. */
export function defaultLongCalls(): number {
  return os.availableParallelism();
}

/** Connections a worker needs: 2 a job at once, and 2 for each of its two runners (its LISTEN, and fetching jobs). */
export function workerPoolSize(flowJobs: number, longCalls: number): number {
  return 2 * (flowJobs + longCalls) + 4;
}

/** Sets GUSSET_DB_POOL for this worker process when it is not given: enough for its default runners. */
export function defaultWorkerPool(env: NodeJS.ProcessEnv = process.env): void {
  env.GUSSET_DB_POOL ??= String(
    workerPoolSize(Number(env.GUSSET_WORKER_CONCURRENCY ?? DEFAULT_FLOW_JOBS), Number(env.GUSSET_LONG_CALLS ?? defaultLongCalls())),
  );
}
