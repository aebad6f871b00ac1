/**
 * Flow activations per second, beside pgbench's default transaction on the same server in the same
 * run: (1) start a hello-world process and run it to its end (start, handler, if, end: one
 * transaction); (2) complete a person's task and create the next one (lock and read, one write);
 * (3) start a process whose split opens two synchronous branches that meet at a join, to its end.
 * Each at 1 and 8 concurrent clients, each client on its own connection, for BENCH_SECONDS (10)
 * each, measured in 2-second slices taken in turn with pgbench's, so that load from elsewhere on a
 * shared machine falls on all of them alike. Target: (2) at ≥ 25 % of pgbench's TPS. Then, at one
 * client: (4) complete a looping task of a process that has 100,000 finished tasks, beside the same
 * in a fresh process, in turn: the process lock reads open tasks only (a partial index), so the
 * two should match.
 *
 *   node --import tsx bench/flow-activations.ts
 *
 * Embedded PostgreSQL in .data/bench-flow (removed afterwards), or the server DATABASE_URL names.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { z } from "zod";
import * as flows from "@/definitions/flows";
import { databaseUrl, ensureDatabase } from "@/lib/db/embedded";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { flow, role, type FlowUser } from "@/lib/flow";
import { completeTask, loadFlows, startProcess, startProcessFromCode } from "@/lib/flow/runtime";
import { migrateQueue } from "@/lib/jobs/migrate-queue";
import { benchDatabase, machine } from "./lib/database";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = [1, 8] as const;
const TARGET = 0.25;

/** A person's task, then the next one: what a reviewer's click costs. */
const twoViews = flow("bench-two-views", {
  process: z.object({ note: z.string().optional() }),
  nodes: ({ startHandle, view, end }) => ({
    start: startHandle().next("first"),
    first: view({ form: z.object({ note: z.string() }), assign: ({ process }) => process.createdBy }).next("second"),
    second: view({ assign: role("reviewer") }).next("end"),
    end: end(),
  }),
});

/** A split into two handlers and a join: every branch runs in the transaction that starts it. */
const syncJoin = flow("bench-sync-join", {
  process: z.object({ a: z.boolean().optional(), b: z.boolean().optional() }),
  nodes: ({ startHandle, split, handler, join, end }) => ({
    start: startHandle().next("fork"),
    fork: split().branch("a").branch("b"),
    a: handler(() => ({ a: true })).next("joined"),
    b: handler(() => ({ b: true })).next("joined"),
    joined: join().next("end"),
    end: end(),
  }),
});

/** A person's task that comes back after each completion: a long-running process's loop. */
const loop = flow("bench-loop", {
  process: z.object({ rounds: z.number().default(0) }),
  nodes: ({ startHandle, view, ifNode, end }) => ({
    start: startHandle().next("step"),
    step: view({ assign: ({ process }) => process.createdBy, merge: ({ process }) => ({ rounds: process.data.rounds + 1 }) }).next("again"),
    again: ifNode(() => true)
      .then("step")
      .else("end"),
    end: end(),
  }),
});

const external = Boolean(process.env.DATABASE_URL);
const database = await benchDatabase("flow");
await migrateQueue(database.url);
const registry = loadFlows([...Object.values(flows), twoViews, syncJoin, loop]);
const admin = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 8 }) });
const pgbenchUrl = databaseUrl(database.serverUrl, "gusset_pgbench");
await ensureDatabase(database.serverUrl, "gusset_pgbench");

const users: FlowUser[] = [];
for (let i = 0; i < 8; i++) {
  const id = randomUUID();
  await admin.user.create({ data: { id, name: `bench ${i}`, email: `bench-${id}@example.test`, roles: ["engineer"] } });
  users.push({ id, roles: ["engineer"] });
}
// Each client on its own connection, as the app's actions run: on the runtime's node-postgres pool.
const clients = users.map(() => new pg.Pool({ connectionString: database.url, max: 1 }));
type Client = pg.Pool;

const SLICE = 2;
const SLICES = Math.max(1, Math.round(SECONDS / SLICE));

/** Operations done and seconds spent, summed over slices. */
interface Tally {
  ops: number;
  seconds: number;
}
const rate = (tally: Tally) => tally.ops / tally.seconds;

/** Runs `op` in a loop on `n` clients for `seconds`; `next[c]` counts client c's operations across slices. */
async function measure(
  n: number,
  seconds: number,
  tally: Tally,
  next: number[],
  op: (client: Client, user: FlowUser, i: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: n }, async (_, c) => {
      while (performance.now() < deadline) {
        await op(clients[c]!, users[c]!, next[c]!);
        next[c]! += 1;
        tally.ops += 1;
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
}

const helloWorld = (db: Client, user: FlowUser) =>
  startProcess(user, { flow: "hello-world" }, { text: "hello" }, { registry, db }).then(() => undefined);

const splitAndJoin = (db: Client, user: FlowUser) =>
  startProcessFromCode({ flow: "bench-sync-join" }, { data: {}, userId: user.id }, { registry, db }).then(() => undefined);

/** Completes the open step of a loop process (found through the open-task index, as the lock finds it). */
function completeLoopStep(processId: string) {
  return async (db: Client, user: FlowUser) => {
    // The lock's own predicate, so this read takes the open-task index as the lock does.
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM flow_task WHERE "processId" = $1 AND status IN ('new', 'assigned', 'scheduled', 'started', 'error')`,
      [processId],
    );
    await completeTask(user, { flow: "bench-loop", processId, taskId: rows[0]!.id }, {}, { registry, db });
  };
}

/** Processes waiting at their first task, `perClient` for each of the first `n` clients, made beforehand so only completion is timed. */
async function prepare(n: number, perClient: number): Promise<{ processId: string; taskId: string }[][]> {
  const waiting: { processId: string; taskId: string }[][] = users.map(() => []);
  // All 8 connections make them, whatever `n` is, to keep the preparation short.
  await Promise.all(
    users.map(async (_, maker) => {
      for (let c = 0; c < n; c++) {
        for (let i = maker; i < perClient; i += users.length) {
          const { processId } = await startProcessFromCode(
            { flow: "bench-two-views" },
            { data: {}, userId: users[c]!.id },
            { registry, db: clients[maker]! },
          );
          waiting[c]!.push({ processId, taskId: "" });
        }
      }
    }),
  );
  const rows = await admin.$queryRawUnsafe<{ id: string; processId: string }[]>(
    `SELECT id, "processId" FROM flow_task WHERE "nodeName" = 'first' AND status = 'assigned'`,
  );
  const taskOf = new Map(rows.map((row) => [row.processId, row.id]));
  for (const list of waiting) for (const item of list) item.taskId = taskOf.get(item.processId)!;
  return waiting;
}

function completeAndCreateNext(waiting: { processId: string; taskId: string }[][]) {
  return async (db: Client, user: FlowUser, i: number) => {
    const next = waiting[users.indexOf(user)]![i];
    if (!next) throw new Error(`Prepared too few processes (${waiting[0]!.length} per client); raise the estimate.`);
    await completeTask(user, { flow: "bench-two-views", processId: next.processId, taskId: next.taskId }, { note: "ok" }, { registry, db });
  };
}

function pgbench(args: string[]): number {
  const url = new URL(pgbenchUrl);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const base = ["-h", url.hostname, "-p", url.port, "-U", decodeURIComponent(url.username)];
  const run = spawnSync("pgbench", [...base, ...args, url.pathname.slice(1)], { env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pgbench ${args.join(" ")} failed: ${run.stderr}`);
  const tps = run.stdout.match(/tps = ([\d.]+) \(without initial connection time\)/);
  return tps ? Number(tps[1]) : NaN;
}

const version = await admin.$queryRawUnsafe<{ v: string; f: string }[]>(
  `SELECT current_setting('server_version') AS v, current_setting('fsync') AS f`,
);
pgbench(["-i", "-q"]);

const rows: { clients: number; pgbench: number; hello: number; complete: number; splitJoin: number }[] = [];
for (const n of CONCURRENCY) {
  const pgbenchArgs = ["-c", String(n), "-j", String(Math.min(n, 2)), "-T", String(SLICE)];
  // Enough prepared processes for pgbench's rate, which a completion (more work per transaction)
  // cannot beat for long; three times it, at least 100 a second, since one 2-second estimate on a
  // shared machine may catch pgbench at a bad moment.
  const estimate = pgbench(pgbenchArgs);
  const waiting = await prepare(n, Math.ceil((Math.max(estimate, 100) * 3 * SECONDS) / n));
  const tps: number[] = [];
  const hello: Tally = { ops: 0, seconds: 0 };
  const complete: Tally = { ops: 0, seconds: 0 };
  const splitJoin: Tally = { ops: 0, seconds: 0 };
  const helloDone = users.map(() => 0);
  const completeDone = users.map(() => 0);
  const splitJoinDone = users.map(() => 0);
  for (let slice = 0; slice < SLICES; slice++) {
    tps.push(pgbench(pgbenchArgs));
    await measure(n, SLICE, hello, helloDone, helloWorld);
    await measure(n, SLICE, complete, completeDone, completeAndCreateNext(waiting));
    await measure(n, SLICE, splitJoin, splitJoinDone, splitAndJoin);
  }
  rows.push({
    clients: n,
    pgbench: tps.reduce((a, b) => a + b, 0) / tps.length,
    hello: rate(hello),
    complete: rate(complete),
    splitJoin: rate(splitJoin),
  });
}

// (4) One fresh loop process, and one given 100,000 finished tasks straight in SQL (as if it had
// looped that long), completed in turn at one client.
const FINISHED = 100_000;
const fresh = (await startProcessFromCode({ flow: "bench-loop" }, { data: {}, userId: users[0]!.id }, { registry, db: clients[0]! }))
  .processId;
const long = (await startProcessFromCode({ flow: "bench-loop" }, { data: {}, userId: users[0]!.id }, { registry, db: clients[0]! }))
  .processId;
await admin.$executeRawUnsafe(
  `INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, "assigneeId", title, "finishedById", "createdAt", "startedAt", "finishedAt", "updatedAt")
   SELECT gen_random_uuid()::text, $1, 'bench-loop', 'step', 'view', 'done', $2, 'Step', $2, t, t, t, t
   FROM generate_series(1, $3::int) AS i, LATERAL (SELECT now() - make_interval(secs => $3::int - i) AS t) AS at`,
  long,
  users[0]!.id,
  FINISHED,
);
await admin.$executeRawUnsafe(`ANALYZE flow_task`);
const freshTally: Tally = { ops: 0, seconds: 0 };
const longTally: Tally = { ops: 0, seconds: 0 };
for (let slice = 0; slice < SLICES; slice++) {
  await measure(1, SLICE, freshTally, [0], completeLoopStep(fresh));
  await measure(1, SLICE, longTally, [0], completeLoopStep(long));
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const num = (x: number) => x.toFixed(0).padStart(6);
console.log(`flow activations per second (${machine()}; ${os.platform()} ${os.release()})`);
console.log(
  `  PostgreSQL ${version[0]?.v} (${external ? "DATABASE_URL" : "embedded"}, fsync ${version[0]?.f}), node-postgres (Prisma for setup only); ${SLICES} × ${SLICE} s per figure, in turn with pgbench (scale 1, same server); load average ${os.loadavg()[0]!.toFixed(1)}`,
);
console.log("");
console.log(
  "  clients | pgbench tps | hello world start→end /s | ratio | complete task + create next /s | ratio | target | split of 2 sync branches + join /s | ratio",
);
for (const row of rows) {
  const ok = row.complete / row.pgbench >= TARGET;
  console.log(
    `  ${String(row.clients).padStart(7)} | ${num(row.pgbench).padStart(11)} | ${num(row.hello).padStart(24)} | ${pct(row.hello / row.pgbench).padStart(5)} | ${num(row.complete).padStart(30)} | ${pct(row.complete / row.pgbench).padStart(5)} | ≥ ${pct(TARGET)} ${ok ? "met" : "MISSED"} | ${num(row.splitJoin).padStart(34)} | ${pct(row.splitJoin / row.pgbench).padStart(5)}`,
  );
}
console.log("");
console.log(
  `  complete a looping task, 1 client: fresh process ${num(rate(freshTally)).trim()} /s; process with ${FINISHED.toLocaleString("en")} finished tasks ${num(rate(longTally)).trim()} /s (${pct(rate(longTally) / rate(freshTally))} of fresh)`,
);

await Promise.all(clients.map((client) => client.end()));
await admin.$disconnect();
await database.close();
