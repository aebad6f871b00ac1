/**
 * The fair job queue (issue 15): how long a design review's report job takes from the approval to
 * its process ending, alone (the baseline) and while one engineer's 40 long calls of 2 s each
 * wait for the worker, in the same run on one in-process worker with its default runners (4 flow
 * jobs, long calls: the cores). Before, one runner of 4 took jobs in order, and the report waited
 * behind all 40 calls (76 s instead of 0.5 s, measured for the issue). Also what the per-user limit
 * does to 40 calls sent at once: how many are queued, how many refused.
 */
import { randomUUID } from "node:crypto";
import { benchDatabase, machine, percentile } from "./lib/database";

const REPORTS = 5;
const CALLS = 40;

const database = await benchDatabase("fair-queue");
// Two runners: 2 × (4 flow jobs + the cores' long calls) + 4 connections (lib/jobs/worker-pool-size.ts).
const { defaultWorkerPool } = await import("@/lib/jobs/worker-pool-size");
defaultWorkerPool();
const { pool } = await import("@/lib/db/pool");
const { startLongCall, LONG_CALLS_PER_USER } = await import("@/lib/calls/start-long-call");
const { SLOW_TYPE } = await import("@/lib/calls/test-support/slow-controller");
const { closeCallThreads } = await import("@/lib/controller/call-threads");
const { createEntity } = await import("@/lib/entities/create-entity");
const { completeTask, startProcess } = await import("@/lib/flow/runtime");
const { makeUser, processRow, refOf, taskAt } = await import("@/lib/flow/runtime/test-support/setup");
const { install } = await import("@/lib/installation/install");
const { jobServices } = await import("@/lib/jobs/job-services");
const { migrateQueue } = await import("@/lib/jobs/migrate-queue");
const { startWorker } = await import("@/lib/jobs/start-worker");
const both = (await import("@/lib/jobs/test-support/shipped-with-slow-installation")).default;

await migrateQueue(database.url);
const worker = await startWorker({ registry: install(both).flows, services: jobServices() });
const engineer = await makeUser(["engineer"], "engineer");
const reviewer = await makeUser(["reviewer"], "reviewer");
const project = await createEntity(engineer, { type: "project", name: "Bridge", parentId: null });
if (!project.ok) throw new Error(project.failure.message);
const beam = await createEntity(engineer, { type: "beam", name: "Main girder", parentId: project.value.id });
if (!beam.ok) throw new Error(beam.failure.message);
const beamId = beam.value.id;

/** Milliseconds from a design review's approval to its process done (the report job rendered and stored). */
async function report(): Promise<number> {
  const { processId } = await startProcess(engineer, { flow: "design-review" }, { entityId: beamId, revision: "1", summary: "Girder" }, {});
  const review = refOf(await taskAt(processId, "review"));
  const start = performance.now();
  await completeTask(reviewer, review, { approved: true }, {});
  while ((await processRow(processId)).status !== "done") await new Promise((resolve) => setTimeout(resolve, 20));
  return performance.now() - start;
}

async function slowEntities(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const id of ids)
    await pool.query(`INSERT INTO entity (id, type, name, params, "ownerId") VALUES ($1, $2, 'Slow', '{}', $3)`, [
      id,
      SLOW_TYPE,
      engineer.id,
    ]);
  return ids;
}
const call = (entityId: string, perUser: number) =>
  startLongCall(
    pool,
    { userId: engineer.id, entityId, kind: "view", name: "slow", params: { steps: 20, stepMs: 100, userErrorAt: 0 } },
    { perUser },
  );
const cancelAll = () =>
  pool.query(
    `UPDATE long_call SET "cancelRequested" = true, status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END
      WHERE status IN ('queued', 'running')`,
  );

await report(); // warm: the call threads' bundle, the first PDF
const alone: number[] = [];
for (let i = 0; i < REPORTS; i++) alone.push(await report());

// 40 calls of one user, as the issue measured them (the limit raised to 40), then the reports.
for (const entityId of await slowEntities(CALLS)) {
  const started = await call(entityId, CALLS);
  if (!started.ok) throw new Error(started.failure.message);
}
const beside: number[] = [];
for (let i = 0; i < REPORTS; i++) beside.push(await report());
const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM long_call WHERE status = 'queued'`);
const stillQueued = rows[0]!.n;
await cancelAll();

// 40 calls sent at once with the default limit.
const outcomes = await Promise.all((await slowEntities(CALLS)).map((entityId) => call(entityId, LONG_CALLS_PER_USER)));
const refused = outcomes.filter((outcome) => !outcome.ok).length;
await cancelAll();

alone.sort((a, b) => a - b);
beside.sort((a, b) => a - b);
const row = (label: string, times: number[]) =>
  console.log(`  ${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(0)} ms   max ${times.at(-1)!.toFixed(0)} ms`);
console.log(`fair queue: a design review's report job, approval to done (${REPORTS} each; ${machine()})`);
row("baseline: alone:", alone);
row(`beside one user's ${CALLS} long calls of 2 s:`, beside);
console.log(`  ${stillQueued} of the ${CALLS} calls were still waiting after the last report`);
console.log(
  `  ${CALLS} calls sent at once with the default limit: ${CALLS - refused} queued, ${refused} refused (limit ${LONG_CALLS_PER_USER})`,
);

await worker.stop();
await closeCallThreads();
await pool.end();
await database.close();
