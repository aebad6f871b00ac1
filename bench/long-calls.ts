/**
 * Long calls (lib/calls): what running a slow view in the job queue adds to it. A near-empty view
 * (one step of 0 ms) is started as the route starts it and followed to its outcome as the route
 * follows it, with one in-process worker; the baseline is the same view run in the request, as
 * before (runCall), and a bare `SELECT 1`. Then the progress throttle: a 2 s view reporting 200
 * times, and how many progress lines reach its follower.
 */
import { randomUUID } from "node:crypto";
import { benchDatabase, machine, percentile } from "./lib/database";

const SAMPLES = 200;

const database = await benchDatabase("long-calls");
const { pool } = await import("@/lib/db/pool");
const { startLongCall } = await import("@/lib/calls/start-long-call");
const { followLongCall } = await import("@/lib/calls/follow-long-call");
const { slowController, slowInstallation, SLOW_TYPE } = await import("@/lib/calls/test-support/slow-controller");
const { runCall } = await import("@/lib/controller/run-call");
const { install } = await import("@/lib/installation/install");
const { startWorker } = await import("@/lib/jobs/start-worker");
const { migrateQueue } = await import("@/lib/jobs/migrate-queue");

await migrateQueue(database.url);
const userId = randomUUID();
const entityId = randomUUID();
await pool.query(`INSERT INTO "user" (id, name, email, roles) VALUES ($1, 'bench', $2, '{engineer}')`, [
  userId,
  `bench-${userId}@example.test`,
]);
await pool.query(`INSERT INTO entity (id, type, name, params, "ownerId") VALUES ($1, $2, 'bench', '{}', $3)`, [
  entityId,
  SLOW_TYPE,
  userId,
]);
const worker = await startWorker({
  registry: install(slowInstallation).flows,
  services: {
    storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
    compute: { call: () => Promise.reject(new Error("no compute")) },
    faults: { isOn: async () => false },
  },
  concurrency: 1,
  longCallConcurrency: 2,
});

const params = (steps: number, stepMs: number) => ({ steps, stepMs, userErrorAt: 0 });

async function queued(steps: number, stepMs: number): Promise<{ ms: number; progressLines: number }> {
  const start = performance.now();
  const started = await startLongCall(pool, { userId, entityId, kind: "view", name: "slow", params: params(steps, stepMs) });
  if (!started.ok) throw new Error(started.failure.message);
  const callId = started.value;
  let progressLines = 0;
  for await (const line of followLongCall(pool, userId, callId)) {
    if ("progress" in line) progressLines += 1;
    if ("ok" in line && !line.ok) throw new Error(JSON.stringify(line));
  }
  return { ms: performance.now() - start, progressLines };
}

async function timeEach(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const viaQueue = await timeEach(() => queued(1, 0));
const inRequest = await timeEach(() => runCall(slowController, { kind: "view", name: "slow", params: params(1, 0) }));
const bare = await timeEach(() => pool.query("SELECT 1"));
const throttled = await queued(200, 10);

const row = (label: string, times: number[]) =>
  console.log(`  ${label.padEnd(28)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms`);
console.log(`long calls: a near-empty slow view (${SAMPLES} sequential calls; ${machine()})`);
row("via the queue, to outcome:", viaQueue);
row("baseline: in the request:", inRequest);
row("baseline: SELECT 1:", bare);
console.log(
  `  progress throttle: a ${(throttled.ms / 1000).toFixed(1)} s view reporting 200 times sent its follower ${throttled.progressLines} progress lines (writes at most every 250 ms)`,
);

await worker.stop();
await pool.end();
await database.close();
