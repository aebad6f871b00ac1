/**
 * `npm run worker`: a job worker, as its own process (never inside Next: shared/notes/integration.md,
 * traps 6 and 7). The launcher spawns one; run more on other machines with the same DATABASE_URL and
 * the queue hands each job to one of them. SIGTERM or Ctrl-C: running jobs finish, then it exits.
 *
 * Environment: DATABASE_URL (required); GUSSET_WORKER_CONCURRENCY (flow jobs at once, default 4),
 * GUSSET_LONG_CALLS (long calls at once, default the machine's cores) and GUSSET_DB_POOL
 * (connections, at least 2 × (flow jobs + long calls) + 4, which is its default here);
 * GUSSET_WORKER_HEARTBEAT_MS (default 5000) and GUSSET_WORKER_STALE_MS (default 30000): how often
 * it says it is alive, and after how long a silent worker's jobs are handed to another.
 */
import "./worker-pool";
import shipped from "@/definitions";
import { install } from "@/lib/installation/install";
import { jobServices } from "@/lib/jobs/job-services";
import { migrateQueue } from "@/lib/jobs/migrate-queue";
import { startWorker } from "@/lib/jobs/start-worker";

const say = (line: string) => console.log(`[worker] ${line}`);
const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const { pool } = await import("@/lib/db/pool");
  const { flows: registry } = install(shipped);
  await migrateQueue(connectionString);
  const worker = await startWorker({
    registry,
    services: jobServices(),
    concurrency: number("GUSSET_WORKER_CONCURRENCY"),
    heartbeat: {
      intervalMs: number("GUSSET_WORKER_HEARTBEAT_MS"),
      staleAfterMs: number("GUSSET_WORKER_STALE_MS"),
      onUnlock: (ids) => say(`Handed back the jobs of worker(s) not seen for too long: ${ids.join(", ")}.`),
    },
    onJob: ({ taskId, outcome, error }) => {
      if (outcome === "error") console.error(`[worker] job for task ${taskId} failed in the database; the queue retries it:`, error);
    },
  });
  say(`Running ${registry.flows.length} flow(s): ${registry.flows.map((f) => f.name).join(", ")}.`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing running jobs…`);
    await worker.stop();
    await pool.end();
    say("Stopped.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
