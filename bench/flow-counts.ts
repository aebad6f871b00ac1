/**
 * The flows page's per-node counts (lib/flow/inbox/flow-node-counts.ts, the one query of GET /flows
 * that grew with history) against the size of the history: three databases on one PostgreSQL
 * (embedded, in .data/bench-flow-counts, or DATABASE_URL's server), each with 1,000 open tasks (new,
 * assigned, started, error) and 1,000, 1,000,000 or 5,000,000 finished tasks (done and canceled),
 * seeded with INSERT … SELECT generate_series. The finished-task counters are filled by the
 * migration's own backfill statement (20261206100000_flow_node_task_count), as the runtime would
 * have kept them; then VACUUM ANALYZE and a CHECKPOINT. Then, in rounds, so that whatever else
 * the shared machine does falls on every size alike: a `SELECT 1` (baseline) and the statement
 * flowNodeCounts sends, on each database; its plan at each size; and the statement the page sent
 * before (every task grouped), for comparison, with fewer samples.
 *
 *   npm run bench -- flow-counts     (about 5 minutes on 2 cores; BENCH_FLOW_COUNTS_MAX=1000000 leaves out 5M)
 *
 * Target (issue 18): the counts' p95 at 1,000,000 and 5,000,000 finished tasks within 1.5× of the
 * same figure at 1,000.
 */
import { readFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { databaseUrl, ensureDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { benchDatabase, machine, percentile } from "./lib/database";

const OPEN = 1_000;
const SIZES = [1_000, 1_000_000, 5_000_000].filter((size) => size <= Number(process.env.BENCH_FLOW_COUNTS_MAX ?? Infinity));
const SAMPLES = 300;
const OLD_SAMPLES = 15;
const TASKS_PER_PROCESS = 100;

const say = (line: string) => console.log(`  ${line}`);
const ms = (value: number) => `${value.toFixed(2)} ms`;

const database = await benchDatabase("flow-counts");
const pools: pg.Pool[] = [];
try {
  console.log(
    `flows page counts against history (${machine()}, load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  const { flowNodeCountsStatement } = await import("@/lib/flow/inbox/flow-node-counts");
  const backfill = (await readFile("prisma/migrations/20261206100000_flow_node_task_count/migration.sql", "utf8")).split(
    "-- The tasks that finished before this migration.",
  )[1]!;
  const statement = flowNodeCountsStatement();
  const counts = (pool: pg.Pool) => pool.query(statement.text, statement.values);
  const oldStatement = `SELECT t."flowName", t."nodeName",
      count(*) FILTER (WHERE t.status IN ('new', 'assigned', 'scheduled', 'started')) AS running,
      count(*) FILTER (WHERE t.status = 'done') AS done,
      count(*) FILTER (WHERE t.status = 'error') AS error
    FROM flow_task t GROUP BY t."flowName", t."nodeName"`;

  const plans: string[] = [];
  for (const size of SIZES) {
    const started = performance.now();
    const name = `bench_counts_${size}`;
    await ensureDatabase(database.serverUrl, name);
    const url = databaseUrl(database.serverUrl, name);
    await migrate(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await seed(client, size);
    await client.query(backfill);
    await client.query(`VACUUM ANALYZE flow_task`);
    await client.query(`ANALYZE flow_node_task_count`);
    await client.query(`CHECKPOINT`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`,
      statement.values,
    );
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    if (process.env.BENCH_PLANS) console.log(plan);
    const scan = /Seq Scan on flow_task\b/.test(plan) ? "scans flow_task" : "no sequential scan of flow_task";
    const index = /flow_task_open_processId_idx|flow_task_status_idx/.exec(plan)?.[0];
    plans.push(`${scan}${index ? `, reads ${index}` : ""}, ${/Buffers: shared hit=(\d+)/.exec(plan)?.[1] ?? "?"} buffers`);
    const { rows: shown } = await client.query<{ running: string; error: string }>(statement.text, statement.values);
    const open = shown.reduce((sum, row) => sum + Number(row.running) + Number(row.error), 0);
    if (open !== OPEN) throw new Error(`the counts show ${open} open tasks, not ${OPEN}`);
    await client.end();
    pools.push(new pg.Pool({ connectionString: url, max: 1 }));
    say(`${size.toLocaleString("en")} finished tasks seeded and counted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  // Rounds: each size in turn, so load on the machine falls on all of them alike.
  const base: number[][] = SIZES.map(() => []);
  const current: number[][] = SIZES.map(() => []);
  const old: number[][] = SIZES.map(() => []);
  const timed = async (into: number[], run: () => Promise<unknown>) => {
    const at = performance.now();
    await run();
    into.push(performance.now() - at);
  };
  for (let round = -20; round < SAMPLES; round++) {
    for (const [n, pool] of pools.entries()) {
      await timed(round < 0 ? [] : base[n]!, () => pool.query("SELECT 1"));
      await timed(round < 0 ? [] : current[n]!, () => counts(pool));
    }
  }
  for (let round = 0; round < OLD_SAMPLES; round++)
    for (const [n, pool] of pools.entries()) await timed(old[n]!, () => pool.query(oldStatement));
  for (const samples of [...base, ...current, ...old]) samples.sort((a, b) => a - b);

  console.log();
  let met = true;
  const first = percentile(current[0]!, 95);
  for (const [n, size] of SIZES.entries()) {
    const ratio = percentile(current[n]!, 95) / first;
    if (ratio > 1.5) met = false;
    say(
      `${size.toLocaleString("en")} finished + ${OPEN.toLocaleString("en")} open tasks: SELECT 1 (baseline) p95 ${ms(percentile(base[n]!, 95))}; flowNodeCounts p50 ${ms(percentile(current[n]!, 50))}, p95 ${ms(percentile(current[n]!, 95))} (${ratio.toFixed(2)}× the p95 at ${SIZES[0]!.toLocaleString("en")}); the old full count p50 ${ms(percentile(old[n]!, 50))}, p95 ${ms(percentile(old[n]!, 95))} (${OLD_SAMPLES} samples); plan: ${plans[n]}`,
    );
  }
  say(`target: p95 at every size within 1.5× of the p95 at ${SIZES[0]!.toLocaleString("en")}: ${met ? "met" : "NOT met"}`);
  if (!met) process.exitCode = 1;
} finally {
  for (const pool of pools) await pool.end();
  await database.close();
}

/** 1,000 open review tasks, then `finished` tasks, a hundred to a process, over the design-review nodes: nine in ten done, one canceled. */
async function seed(client: pg.Client, finished: number): Promise<void> {
  await client.query(`INSERT INTO "user" (id, name, email, roles) VALUES ('u1', 'User 1', 'user1@bench.test', ARRAY['engineer'])`);
  await client.query(`
    INSERT INTO flow_process (id, "flowName", "flowVersion", status, data, "createdById", "createdAt", "updatedAt")
    SELECT 'open' || i, 'design-review', 1, CASE WHEN i % 10 = 0 THEN 'error' ELSE 'running' END, '{}', 'u1', now(), now()
    FROM generate_series(1, ${OPEN}) i`);
  await client.query(`
    INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, "assigneeId", "ownerRole", title, "createdAt", "updatedAt")
    SELECT 'open' || i, 'open' || i, 'design-review', 'review', 'view',
      CASE WHEN i % 10 = 0 THEN 'error' WHEN i % 3 = 0 THEN 'new' WHEN i % 3 = 1 THEN 'assigned' ELSE 'started' END,
      CASE WHEN i % 3 <> 0 OR i % 10 = 0 THEN 'u1' END, 'reviewer', 'Review ' || i, now(), now()
    FROM generate_series(1, ${OPEN}) i`);
  const step = 1_000_000;
  for (let low = 0; low < finished; low += step) {
    const high = Math.min(finished, low + step);
    await client.query(`
      INSERT INTO flow_process (id, "flowName", "flowVersion", status, data, "createdById", "createdAt", "updatedAt", "finishedAt")
      SELECT 'p' || i, 'design-review', 1, 'done', '{}', 'u1', now(), now(), now()
      FROM generate_series(${Math.floor(low / TASKS_PER_PROCESS) + 1}, ${Math.ceil(high / TASKS_PER_PROCESS)}) i
      ON CONFLICT (id) DO NOTHING`);
    await client.query(`
      INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, title, "finishedById", "createdAt", "finishedAt", "updatedAt")
      SELECT 't' || i, 'p' || ((i - 1) / ${TASKS_PER_PROCESS} + 1), 'design-review', (ARRAY['start', 'review', 'revise', 'report'])[i % 4 + 1],
        (ARRAY['start', 'view', 'view', 'job'])[i % 4 + 1], CASE WHEN i % 10 = 0 THEN 'canceled' ELSE 'done' END, 'Task ' || i,
        'u1', now(), now(), now()
      FROM generate_series(${low + 1}, ${high}) i`);
  }
}
