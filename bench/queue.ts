/**
 * Queue throughput for no-op jobs, beside pgbench's simple-update TPS on the same server in the
 * same run, and beside graphile-worker's own published figure. Each round: N no-op jobs added in
 * one batch (`addJobs`, one statement), then run to an empty queue by 1, then 2, worker processes
 * (the app's worker, bench/lib/queue-worker.ts: concurrency 4 each, the default poll interval,
 * LISTEN/NOTIFY), each beside a pgbench `-b simple-update` run with as many clients as the workers
 * run jobs at once. Rounds alternate so that load from elsewhere on a shared machine falls on all.
 *
 *   node --import tsx bench/queue.ts        (BENCH_JOBS=10000, BENCH_ROUNDS=5, BENCH_SECONDS=5)
 *
 * Embedded PostgreSQL in .data/bench-queue (removed afterwards), or the server DATABASE_URL names.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import os from "node:os";
import { makeWorkerUtils } from "graphile-worker";
import pg from "pg";
import { databaseUrl, ensureDatabase } from "@/lib/db/embedded";
import { migrateQueue, silentLogger } from "@/lib/jobs/migrate-queue";
import { benchDatabase, machine } from "./lib/database";

const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PGBENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY_PER_WORKER = 4; // lib/jobs/start-worker.ts's default, which scripts/worker.ts keeps
const WORKER_COUNTS = [1, 2] as const;
const NOOP_TASK = "bench_noop";

/** graphile-worker's published figures: https://worker.graphile.org/docs/performance (the repository's website/docs/performance.md). */
const PUBLISHED = {
  source: "https://worker.graphile.org/docs/performance, from the repository's perfTest",
  hardware: "Intel i9-14900K, efficiency cores disabled; workers and PostgreSQL on the same desktop",
  setup: "200,000 trivial jobs, 4 worker processes × 24 concurrent jobs, pool of 25",
  withoutBatching: 15_607, // localQueue and batched completion off: graphile-worker's defaults, as this app runs
  withBatching: 183_895, // localQueue 500, completeJobBatchDelay 0
  queuedPerSecond: 202_000, // "jobs queued per second from single add_jobs batch call"
};

const external = Boolean(process.env.DATABASE_URL);
const database = await benchDatabase("queue");
await migrateQueue(database.url);
const pgbenchUrl = databaseUrl(database.serverUrl, "gusset_pgbench");
await ensureDatabase(database.serverUrl, "gusset_pgbench");
const admin = new pg.Pool({ connectionString: database.url, max: 2 });
const utils = await makeWorkerUtils({ connectionString: database.url, logger: silentLogger });

function pgbench(args: string[]): string {
  const url = new URL(pgbenchUrl);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const base = ["-h", url.hostname, "-p", url.port, "-U", decodeURIComponent(url.username)];
  const run = spawnSync("pgbench", [...base, ...args, url.pathname.slice(1)], { env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pgbench ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

function pgbenchTps(args: string[]): number {
  const tps = pgbench(args).match(/tps = ([\d.]+) \(without initial connection time\)/);
  if (!tps) throw new Error(`pgbench ${args.join(" ")} printed no tps.`);
  return Number(tps[1]);
}

/** Starts a worker process and resolves once it is taking jobs. */
function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/queue-worker.ts", NOOP_TASK], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes('"ready"')) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`A bench worker exited with ${code} before it was ready.`)));
  });
}

async function stopWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const jobsLeft = async () =>
  (
    await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = $1`,
      [NOOP_TASK],
    )
  ).rows[0]!.n;

/** Adds the jobs in one batch with `workers` processes already waiting, and times them to an empty queue. */
async function runJobs(workers: number): Promise<{ jobsPerSecond: number; queuedPerSecond: number }> {
  const children = await Promise.all(Array.from({ length: workers }, startWorkerProcess));
  try {
    const specs = Array.from({ length: JOBS }, (_, i) => ({ identifier: NOOP_TASK, payload: { i } }));
    const added = performance.now();
    await utils.addJobs(specs);
    const committed = performance.now();
    // The queue is empty when the last completion has committed; polled every 20 ms.
    while ((await jobsLeft()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const drained = performance.now();
    return { jobsPerSecond: JOBS / ((drained - committed) / 1000), queuedPerSecond: JOBS / ((committed - added) / 1000) };
  } finally {
    await Promise.all(children.map(stopWorkerProcess));
  }
}

async function measureAndPrint(): Promise<void> {
  const version = (
    await admin.query<{ v: string; f: string }>(`SELECT current_setting('server_version') AS v, current_setting('fsync') AS f`)
  ).rows[0]!;
  pgbench(["-i", "-q"]);

  // Medians: on a shared machine one round in a few lands on a quiet or a busy moment.
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const results = new Map<number, { jobs: number[]; queued: number[]; tps: number[] }>(
    WORKER_COUNTS.map((n) => [n, { jobs: [], queued: [], tps: [] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of WORKER_COUNTS) {
      const clients = workers * CONCURRENCY_PER_WORKER;
      const result = results.get(workers)!;
      result.tps.push(pgbenchTps(["-b", "simple-update", "-c", String(clients), "-j", "2", "-T", String(PGBENCH_SECONDS)]));
      const { jobsPerSecond, queuedPerSecond } = await runJobs(workers);
      result.jobs.push(jobsPerSecond);
      result.queued.push(queuedPerSecond);
    }
  }

  const num = (x: number) => Math.round(x).toLocaleString("en-US");
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  console.log(`queue throughput, no-op jobs (${machine()}; ${os.platform()} ${os.release()})`);
  console.log(
    `  graphile-worker 0.18, PostgreSQL ${version.v} (${external ? "DATABASE_URL" : "embedded"}, fsync ${version.f}); ${ROUNDS} rounds of ${num(JOBS)} jobs, each beside pgbench -b simple-update for ${PGBENCH_SECONDS} s (scale 1, same server); load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log("");
  console.log(
    "  worker processes × jobs at once | jobs/s, median (each round)   | pgbench simple-update tps, clients: median (each round) | jobs/s ÷ tps, median of the rounds' (each round)",
  );
  for (const workers of WORKER_COUNTS) {
    const { jobs, tps } = results.get(workers)!;
    const clients = workers * CONCURRENCY_PER_WORKER;
    // Each round's job run and pgbench run were taken back to back, so their ratio is the steadier figure.
    const ratios = jobs.map((rate, i) => rate / tps[i]!);
    console.log(
      `  ${`${workers} × ${CONCURRENCY_PER_WORKER}`.padStart(31)} | ${`${num(median(jobs))} (${jobs.map(num).join(", ")})`.padEnd(29)} | ${`${clients}: ${num(median(tps))} (${tps.map(num).join(", ")})`.padEnd(53)} | ${pct(median(ratios))} (${ratios.map(pct).join(", ")})`,
    );
  }
  const queued = [...results.values()].flatMap((r) => r.queued);
  console.log(`  adding ${num(JOBS)} jobs in one addJobs batch: ${num(median(queued))} jobs/s (${queued.map(num).join(", ")})`);
  console.log("");
  console.log(`  graphile-worker's published figure, ${PUBLISHED.source}:`);
  console.log(`    ${PUBLISHED.hardware}; ${PUBLISHED.setup}`);
  console.log(
    `    without batching (the defaults, as here): ${num(PUBLISHED.withoutBatching)} jobs/s; here ${pct(median(results.get(2)!.jobs) / PUBLISHED.withoutBatching)} of that with 2 processes`,
  );
  console.log(`    with batching (localQueue 500, batched completion): ${num(PUBLISHED.withBatching)} jobs/s`);
  console.log(
    `    jobs queued from one add_jobs batch: ${num(PUBLISHED.queuedPerSecond)} jobs/s; here ${pct(median(queued) / PUBLISHED.queuedPerSecond)} of that`,
  );
}

try {
  await measureAndPrint();
} finally {
  await utils.release();
  await admin.end();
  await database.close();
}
