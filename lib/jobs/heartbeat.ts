/**
 * Crash recovery for the queue. graphile-worker leaves the job of a worker that died (SIGKILL, power
 * loss) locked for 4 hours before another may take it (shared/notes/integration.md, trap 6). So each
 * worker process writes `worker_heartbeat` every few seconds, and on each beat hands back the jobs
 * locked by worker pools not seen for `staleAfterMs` (`graphile_worker.force_unlock_workers`), so a
 * live worker runs them again. Staleness is judged by the database's clock, never the machines'.
 */
import os from "node:os";
import type pg from "pg";

export interface HeartbeatOptions {
  /** How often to beat and look for dead workers. Default: 5 s. */
  readonly intervalMs?: number;
  /** A pool not seen for this long is dead, and its jobs are handed back. Default: 30 s. */
  readonly staleAfterMs?: number;
  /** Told which pools were given up for dead. */
  readonly onUnlock?: (workerIds: string[]) => void;
}

export const DEFAULT_HEARTBEAT_MS = 5_000;
export const DEFAULT_STALE_AFTER_MS = 30_000;

/** Says this worker is alive: one row per pool id, `seenAt` now. */
const BEAT = `
  INSERT INTO worker_heartbeat ("workerId", host, pid, "startedAt", "seenAt")
  SELECT id, $2, $3, now(), now() FROM unnest($1::text[]) AS id
  ON CONFLICT ("workerId") DO UPDATE SET "seenAt" = now()`;

/**
 * The pools holding a job locked for longer than the stale time, that no one has seen for that
 * long either (or ever: a worker killed before its first beat), other than this process's own ($2):
 * a process that beats is alive, even when its own row reads stale because it stalled between the
 * beat and this look (it used to hand back its own running job, and run it a second time beside
 * the first). Their jobs are unlocked, and their rows removed.
 */
const UNLOCK_DEAD = `
  WITH dead AS (
    SELECT DISTINCT j.locked_by AS id FROM graphile_worker._private_jobs j
     WHERE j.locked_by IS NOT NULL AND NOT (j.locked_by = ANY($2::text[]))
       AND j.locked_at < now() - make_interval(secs => $1::float8 / 1000)
       AND NOT EXISTS (SELECT 1 FROM worker_heartbeat h WHERE h."workerId" = j.locked_by
                        AND h."seenAt" >= now() - make_interval(secs => $1::float8 / 1000))
  ), unlocked AS (
    SELECT graphile_worker.force_unlock_workers(array_agg(id)) FROM dead HAVING count(*) > 0
  ), forgotten AS (
    DELETE FROM worker_heartbeat WHERE "seenAt" < now() - make_interval(secs => $1::float8 / 1000) * 10
  )
  SELECT (SELECT array_agg(id) FROM dead) AS ids, (SELECT count(*) FROM unlocked) AS n`;

/** Beats at once and then every `intervalMs` until stopped. `workerIds` are read on every beat. */
export function startHeartbeat(pool: pg.Pool, workerIds: () => string[], options: HeartbeatOptions = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? DEFAULT_HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const beat = async () => {
    const ids = workerIds();
    if (ids.length > 0) await pool.query(BEAT, [ids, os.hostname(), process.pid]);
    const { rows } = await pool.query<{ ids: string[] | null }>(UNLOCK_DEAD, [staleAfterMs, ids]);
    const unlocked = rows[0]?.ids ?? [];
    if (unlocked.length > 0) options.onUnlock?.(unlocked);
  };
  const tick = () => {
    if (stopped) return;
    running = beat().catch((error: unknown) =>
      console.error(`[worker] heartbeat failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      const ids = workerIds();
      // Gone on purpose: no one need wait for this worker to go stale.
      if (ids.length > 0) await pool.query(`DELETE FROM worker_heartbeat WHERE "workerId" = ANY($1::text[])`, [ids]).catch(() => {});
    },
  };
}
