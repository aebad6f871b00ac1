/**
 * The inbox and queue queries on 1,000,000 tasks of 250,000 processes and 10,000 users in a real
 * PostgreSQL: p50/p95 over many users, and their plans (index scans, no sequential scan of
 * flow_task). Seeded with INSERT … SELECT generate_series, then ANALYZE.
 * Not measured here yet: the /inbox page at 20 concurrent users (see the report of issue 8).
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { benchDatabase, machine, percentile } from "./lib/database";

const USERS = 10_000;
const PROCESSES = 250_000;
const TASKS_PER_PROCESS = 4;
const SAMPLES = 400;

const database = await benchDatabase("inbox");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  let started = performance.now();
  await client.query(`
    INSERT INTO "user" (id, name, email, roles)
    SELECT 'u' || i, 'User ' || i, 'user' || i || '@bench.test',
      CASE WHEN i % 20 = 0 THEN ARRAY['admin'] WHEN i % 3 = 0 THEN ARRAY['reviewer'] ELSE ARRAY['engineer'] END
    FROM generate_series(1, ${USERS}) i`);
  await client.query(`
    INSERT INTO flow_process (id, "flowName", "flowVersion", status, data, "createdById", "createdAt", "updatedAt")
    SELECT 'p' || i, 'design-review', 1, CASE WHEN i % 10 = 0 THEN 'running' ELSE 'done' END,
      jsonb_build_object('entityId', 'e' || i, 'revision', '1', 'summary', 'Beam ' || i, 'revisionAuthorId', 'u' || (i % ${USERS} + 1)),
      'u' || (i % ${USERS} + 1), now() - (i || ' seconds')::interval, now()
    FROM generate_series(1, ${PROCESSES}) i`);
  // Per process: start (done), review (done, or open: in the reviewers' queue or assigned), revise, report.
  await client.query(`
    INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, "assigneeId", "ownerRole", title, "dueAt", "finishedById", "createdAt", "finishedAt", "updatedAt")
    SELECT 't' || i || '-' || k, 'p' || i, 'design-review',
      (ARRAY['start', 'review', 'revise', 'report'])[k], (ARRAY['start', 'view', 'view', 'job'])[k],
      CASE WHEN i % 10 = 0 AND k = 2 THEN (CASE WHEN i % 20 = 0 THEN 'new' ELSE 'assigned' END) ELSE 'done' END,
      CASE WHEN k = 2 AND NOT (i % 20 = 0) THEN 'u' || ((i * 7) % ${USERS} + 1) END,
      CASE WHEN k = 2 THEN 'reviewer' END,
      (ARRAY['Submit for review', 'Review: Beam ', 'Revise: Beam ', 'Render the report'])[k] || CASE WHEN k IN (2, 3) THEN i::text ELSE '' END,
      CASE WHEN k = 2 THEN now() + interval '3 days' - (i || ' seconds')::interval END,
      CASE WHEN NOT (i % 10 = 0 AND k = 2) THEN 'u' || ((i * 7) % ${USERS} + 1) END,
      now() - (i || ' seconds')::interval + (k || ' milliseconds')::interval,
      CASE WHEN NOT (i % 10 = 0 AND k = 2) THEN now() - (i || ' seconds')::interval + (k || ' milliseconds')::interval END,
      now()
    FROM generate_series(1, ${PROCESSES}) i, generate_series(1, ${TASKS_PER_PROCESS}) k`);
  await client.query("ANALYZE");
  const seedSeconds = (performance.now() - started) / 1000;
  const { rows: [counts] } = await client.query<{ tasks: string }>(`SELECT count(*) AS tasks FROM flow_task`);

  const { listInbox } = await import("@/lib/flow/inbox/list-inbox");
  const { listQueue } = await import("@/lib/flow/inbox/list-queue");
  const { loadFlows } = await import("@/lib/flow/runtime");
  const { flows } = await import("@/definitions/registry");
  loadFlows(flows);
  const { db } = await import("@/lib/db/client");

  const time = async (run: (user: { id: string; roles: ("engineer" | "reviewer" | "admin")[] }) => Promise<unknown>, role: "engineer" | "reviewer") => {
    const samples: number[] = [];
    for (let n = 0; n < SAMPLES; n++) {
      const id = role === "reviewer" ? 3 * (1 + Math.floor(Math.random() * 3000)) : 1 + 3 * Math.floor(Math.random() * 3000) + 1;
      const user = { id: `u${id}`, roles: [role] };
      const at = performance.now();
      await run(user);
      samples.push(performance.now() - at);
    }
    return samples.sort((a, b) => a - b);
  };
  for (let warm = 0; warm < 50; warm++) await listInbox({ id: `u${warm + 1}`, roles: ["engineer"] });
  const inbox = await time((user) => listInbox(user), "engineer");
  const queue = await time((user) => listQueue(user), "reviewer");
  started = performance.now();

  const explain = async (label: string, sql: string, params: unknown[]) => {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    console.log(`\n${label}:\n${plan}`);
    const seqOnTasks = /Seq Scan on flow_task\b/.test(plan);
    const indexed = /Index (Only )?Scan|Bitmap Index Scan/.test(plan);
    if (seqOnTasks || !indexed) throw new Error(`${label}: the plan does not use an index on flow_task.`);
  };
  await explain("Inbox plan", `SELECT t.id FROM flow_task t JOIN flow_process p ON p.id = t."processId" WHERE t."assigneeId" = $1 AND t.status = ANY($2::text[]) ORDER BY t."createdAt" DESC, t.id DESC LIMIT 26`, ["u8", ["new", "assigned", "started"]]);
  await explain("Queue plan", `SELECT t.id FROM flow_task t WHERE t."ownerRole" = $1 AND t.status = 'new' AND t."assigneeId" IS NULL ORDER BY t."createdAt" DESC, t.id DESC LIMIT 26`, ["reviewer"]);
  await explain("Counter plan", `SELECT count(*) FROM flow_task t WHERE t."assigneeId" = $1 AND t.status = ANY($2::text[])`, ["u8", ["new", "assigned", "started"]]);

  console.log(`\nmachine: ${machine()}`);
  console.log(`seeded ${USERS} users, ${PROCESSES} processes, ${counts?.tasks} tasks in ${seedSeconds.toFixed(1)} s`);
  console.log(`inbox query (listInbox, page of 25, ${SAMPLES} random engineers): p50 ${percentile(inbox, 50).toFixed(2)} ms, p95 ${percentile(inbox, 95).toFixed(2)} ms`);
  console.log(`queue query (listQueue, page of 25, ${SAMPLES} random reviewers): p50 ${percentile(queue, 50).toFixed(2)} ms, p95 ${percentile(queue, 95).toFixed(2)} ms`);
  const fail = percentile(inbox, 95) >= 20 || percentile(queue, 95) >= 20;
  await db.$disconnect();
  if (fail) {
    console.error("p95 over 20 ms");
    process.exitCode = 1;
  }
} finally {
  await client.end();
  await database.close();
}
