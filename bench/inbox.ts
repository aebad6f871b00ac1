/**
 * The inbox at scale: 10,000 users, 250,000 design-review processes and 1,000,000 tasks in a real
 * PostgreSQL (embedded, in .data/bench-inbox, or DATABASE_URL's), seeded with INSERT … SELECT
 * generate_series, then ANALYZE. Measures:
 *
 * 1. the queries, called as the pages call them, one after another: listInbox and countOpenTasks
 *    for reviewers with open tasks, listQueue for reviewers (12,500 tasks in their queue), and an
 *    entity's processes; p50/p95 over 400 calls each;
 * 2. their plans (EXPLAIN ANALYZE of the very statements the functions send): each must read its
 *    index, never scan flow_task or flow_process;
 * 3. the page: the production server (the launcher, on this database) and GET /inbox by 20 users at
 *    once, each with their own session and a full first page (30 open tasks), autocannon on the same
 *    machine; baseline GET /api/health (one SELECT 1, no session) on the same server.
 *
 *   npx next build && npm run bench -- inbox      (about 2 minutes on 2 cores)
 *
 * Targets (issue 8): the queries' p95 < 20 ms; the page's p95 < 200 ms at 20 users.
 */
import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { freePort } from "@/lib/db/embedded";
import { benchDatabase, machine, percentile } from "./lib/database";
import { signInByForm, startLauncher, stopLauncher } from "./lib/launcher";
import { paced } from "./lib/paced";

const USERS = 10_000;
const PROCESSES = 250_000;
const TASKS_PER_PROCESS = 4;
const SAMPLES = 400;
const PAGE_USERS = 20;
const PAGE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** A paced user opens the inbox once a second: far more than people do, since the lists update live. */
const PAGE_PACE_MS = 1_000;
const serverDir = ".data/bench-inbox-server";

const say = (line: string) => console.log(`  ${line}`);
const ms = (value: number) => `${value.toFixed(2)} ms`;

const database = await benchDatabase("inbox");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
let server: ChildProcess | null = null;
try {
  console.log(
    `inbox at scale (${machine()}, load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  const seeded = performance.now();
  await seed();
  const seedSeconds = (performance.now() - seeded) / 1000;
  // The migration 20261122150000_process_entity_index builds this in its transaction; how long writes would wait:
  await client.query(`DROP INDEX "flow_process_entityId_createdAt_idx"`);
  const building = performance.now();
  await client.query(`CREATE INDEX "flow_process_entityId_createdAt_idx" ON "flow_process" ((data ->> 'entityId'), "createdAt" DESC)`);
  const indexSeconds = (performance.now() - building) / 1000;
  await client.query("ANALYZE");
  say(
    `seeded ${USERS} users, ${PROCESSES} processes, ${PROCESSES * TASKS_PER_PROCESS} tasks in ${seedSeconds.toFixed(1)} s; the entity index built in ${indexSeconds.toFixed(2)} s`,
  );

  const { listInbox, inboxStatement } = await import("@/lib/flow/inbox/list-inbox");
  const { listQueue, queueBatchStatement } = await import("@/lib/flow/inbox/list-queue");
  const { countOpenTasks, openTaskCountStatement } = await import("@/lib/flow/inbox/count-open-tasks");
  const { listEntityProcesses, entityProcessesStatement } = await import("@/lib/flow/inbox/get-process-page");
  const { install } = await import("@/lib/installation/install");
  install((await import("@/definitions")).default);
  const { db } = await import("@/lib/db/client");

  // Reviewers with open tasks of their own (about 4 each), for the inbox and the counter.
  const { rows: busy } = await client.query<{ id: string }>(`SELECT DISTINCT "assigneeId" AS id FROM flow_task WHERE status = 'assigned'`);
  const reviewer = () => ({ id: busy[Math.floor(Math.random() * busy.length)]!.id, roles: ["reviewer" as const] });
  const time = async (run: () => Promise<unknown>) => {
    for (let warm = 0; warm < 50; warm++) await run();
    const samples: number[] = [];
    for (let n = 0; n < SAMPLES; n++) {
      const at = performance.now();
      await run();
      samples.push(performance.now() - at);
    }
    return samples.sort((a, b) => a - b);
  };
  const queries = [
    { label: "listInbox (a reviewer's open tasks, page of 25)", samples: await time(() => listInbox(reviewer())) },
    { label: "listQueue (the reviewers' queue, page of 25)", samples: await time(() => listQueue(reviewer())) },
    { label: "countOpenTasks (the header's counter)", samples: await time(() => countOpenTasks(reviewer())) },
    {
      label: "listEntityProcesses (an entity's page)",
      samples: await time(() => listEntityProcesses(`e${1 + Math.floor(Math.random() * PROCESSES)}`)),
    },
  ];

  // The plans of the statements the functions send, each for a user with data.
  const someone = { id: busy[0]!.id, roles: ["reviewer" as const] };
  const plans = [
    { label: "listInbox", statement: inboxStatement(someone, {}, 26), index: "flow_task_assigneeId_status_createdAt_idx" },
    {
      label: "listQueue",
      statement: queueBatchStatement({ id: busy[0]!.id, roles: ["reviewer"] }, {}, null, 26),
      index: "flow_task_ownerRole_status_createdAt_idx",
    },
    { label: "countOpenTasks", statement: openTaskCountStatement(someone), index: "flow_task_assigneeId_status_createdAt_idx" },
    { label: "listEntityProcesses", statement: entityProcessesStatement("e4242"), index: "flow_process_entityId_createdAt_idx" },
  ];
  const verdicts: string[] = [];
  for (const { label, statement, index } of plans) verdicts.push(await explain(label, statement, index));
  await db.$disconnect();

  const page = await measurePage();

  console.log();
  for (const { label, samples } of queries) say(`${label}: p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}`);
  for (const verdict of verdicts) say(verdict);
  say(
    `GET /api/health (baseline), ${PAGE_USERS} connections: p50 ${ms(page.health.p50)}, p95 ${ms(page.health.p95)}, ${Math.round(page.health.rps)} req/s`,
  );
  say(`GET /inbox, one user alone: p50 ${ms(page.alone.p50)}, p95 ${ms(page.alone.p95)}, ${Math.round(page.alone.rps)} req/s`);
  say(
    `GET /inbox, ${PAGE_USERS} users at once, closed loop (each asks again the moment its page arrives: ${PAGE_USERS} requests always in flight): p50 ${ms(page.inbox.p50)}, p95 ${ms(page.inbox.p95)}, ${Math.round(page.inbox.rps)} req/s, ${page.inbox.errors} errors; p50 ${(page.inbox.p50 / page.health.p50).toFixed(1)}× the baseline's`,
  );
  say(
    `GET /api/health (baseline), ${PAGE_USERS} paced clients, each once every ${PAGE_PACE_MS} ms: p50 ${ms(page.pacedHealth.p50)}, p95 ${ms(page.pacedHealth.p95)}`,
  );
  say(
    `GET /inbox, ${PAGE_USERS} paced users, each opening it once every ${PAGE_PACE_MS} ms (open loop, latency from when due): p50 ${ms(page.pacedInbox.p50)}, p95 ${ms(page.pacedInbox.p95)}, ${Math.round(page.pacedInbox.rps)} req/s, ${page.pacedInbox.errors} errors`,
  );
  const slowQuery = queries.some(({ samples }) => percentile(samples, 95) >= 20);
  const slowPaced = page.pacedInbox.p95 >= 200 || page.pacedInbox.errors > 0;
  const slowClosed = page.inbox.p95 >= 200 || page.inbox.errors > 0;
  say(
    `targets: queries p95 < 20 ms ${slowQuery ? "NOT met" : "met"}; page p95 < 200 ms at ${PAGE_USERS} users: paced ${slowPaced ? "NOT met" : "met"}, closed loop ${slowClosed ? "NOT met" : "met"}`,
  );
  if (slowQuery || slowPaced || verdicts.some((verdict) => verdict.includes("NOT"))) process.exitCode = 1;
} finally {
  if (server) await stopLauncher(server);
  await client.end();
  await database.close();
  await rm(serverDir, { recursive: true, force: true });
}

/**
 * Per process i: its start (done), the review (for one process in ten still open: half in the
 * reviewers' queue, half assigned to a reviewer), the revise task and the report job (done).
 * Reviewers are the users whose number is a multiple of 3; processes are started by anyone.
 */
async function seed(): Promise<void> {
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
  const open = `i % 10 = 0 AND k = 2`;
  const reviewer = `'u' || (3 * ((i * 7) % ${Math.floor(USERS / 3)} + 1))`;
  await client.query(`
    INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, "assigneeId", "ownerRole", title, "dueAt", "finishedById", "createdAt", "finishedAt", "updatedAt")
    SELECT 't' || i || '-' || k, 'p' || i, 'design-review',
      (ARRAY['start', 'review', 'revise', 'report'])[k], (ARRAY['start', 'view', 'view', 'job'])[k],
      CASE WHEN ${open} THEN (CASE WHEN i % 20 = 0 THEN 'new' ELSE 'assigned' END) ELSE 'done' END,
      CASE WHEN k = 2 AND NOT (i % 20 = 0) THEN ${reviewer} END,
      CASE WHEN k = 2 THEN 'reviewer' END,
      (ARRAY['Submit for review', 'Review: Beam ', 'Revise: Beam ', 'Render the report'])[k] || CASE WHEN k IN (2, 3) THEN i::text ELSE '' END,
      CASE WHEN k = 2 THEN now() + interval '3 days' - (i || ' seconds')::interval END,
      CASE WHEN ${open} THEN NULL WHEN k = 2 THEN ${reviewer} WHEN k = 4 THEN NULL ELSE 'u' || (i % ${USERS} + 1) END,
      now() - (i || ' seconds')::interval + (k || ' milliseconds')::interval,
      CASE WHEN NOT (${open}) THEN now() - (i || ' seconds')::interval + (k || ' milliseconds')::interval END,
      now()
    FROM generate_series(1, ${PROCESSES}) i, generate_series(1, ${TASKS_PER_PROCESS}) k`);
}

/** EXPLAIN ANALYZE of a statement: a verdict naming the index it must read, and no sequential scan of the big tables. */
async function explain(label: string, statement: Prisma.Sql, index: string): Promise<string> {
  const { rows } = await client.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`,
    statement.values as unknown[],
  );
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const scans = [...plan.matchAll(/Seq Scan on (flow_task|flow_process)\b/g)].map((match) => match[1]);
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  const ok = plan.includes(index) && scans.length === 0;
  if (!ok || process.env.BENCH_PLANS) console.log(`\n${label}:\n${plan}\n`);
  return `${label} plan: ${ok ? "reads" : "does NOT read only"} ${index}${scans.length ? `, scans ${scans.join(", ")}` : ", no sequential scan"} (${time} ms)`;
}

interface Load {
  readonly p50: number;
  readonly p95: number;
  readonly rps: number;
  readonly errors: number;
}

/** GET /inbox by PAGE_USERS users at once, against GET /api/health, on the production server over this database. */
async function measurePage(): Promise<{ inbox: Load; health: Load; alone: Load; pacedInbox: Load; pacedHealth: Load }> {
  const { createUser } = await import("@/lib/auth/users");
  const { db } = await import("@/lib/db/client");
  const password = "bench-inbox-password";
  const accounts: string[] = [];
  for (let n = 0; n < PAGE_USERS; n++) {
    const email = `page-${n}@bench.test`;
    const { id } = await createUser({ email, name: `Page reader ${n}`, password, roles: ["reviewer"] });
    // A full first page and then some: 30 of the open reviews become theirs.
    await client.query(
      `UPDATE flow_task SET "assigneeId" = $1 WHERE id IN (SELECT id FROM flow_task WHERE status = 'assigned' ORDER BY id LIMIT 30 OFFSET $2)`,
      [id, n * 30],
    );
    accounts.push(email);
  }
  await db.$disconnect();

  const port = await freePort();
  const base = `http://localhost:${port}`;
  say(`starting the launcher on the benchmark database (port ${port}; builds if the bundle is missing or older than the sources)…`);
  server = await startLauncher(port, { DATABASE_URL: database.url, GUSSET_DATA_DIR: serverDir });
  const cookies: string[] = [];
  for (const email of accounts) cookies.push(await signInByForm(base, email, password));
  const first = await fetch(`${base}/inbox`, { headers: { cookie: cookies[0]! } });
  const html = await first.text();
  if (first.status !== 200 || (html.match(/data-testid="task-row"/g) ?? []).length !== 25) {
    throw new Error(
      `GET /inbox answered ${first.status} with ${(html.match(/data-testid="task-row"/g) ?? []).length} rows, not a full page of 25.`,
    );
  }

  say(
    `GET /inbox answers ${Math.round(html.length / 1024)} KB of HTML; a browser viewing it then sends ${await requestsOfOneView(base, cookies[0]!)} more requests (prefetches, live refetches) in 4 s`,
  );
  const inbox = (users: number) =>
    load(cookies.slice(0, users).map((cookie) => ({ url: `${base}/inbox`, headers: { cookie }, connections: 1 })));
  const health = (connections: number) => load([{ url: `${base}/api/health`, headers: {}, connections }]);
  await inbox(PAGE_USERS); // warm: JIT, the server's pools and caches
  await health(PAGE_USERS);
  const pacedInbox = await paced(
    cookies.map((cookie) => ({ url: `${base}/inbox`, method: "GET", headers: { cookie } })),
    PAGE_PACE_MS,
    PAGE_SECONDS,
  );
  const pacedHealth = await paced(
    cookies.map(() => ({ url: `${base}/api/health`, method: "GET" })),
    PAGE_PACE_MS,
    PAGE_SECONDS,
  );
  return { health: await health(PAGE_USERS), inbox: await inbox(PAGE_USERS), alone: await inbox(1), pacedInbox, pacedHealth };
}

/**
 * What one view of /inbox costs the server beyond its HTML: the prefetches and refetches a real
 * browser (Debian's Chromium, 1280×720) sends in the 4 s after the load. Each prefetch of a
 * personal page is a server render; with prefetching row links a page of 25 rows sent 37.
 */
async function requestsOfOneView(base: string, cookie: string): Promise<number | string> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium
    .launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] })
    .catch(() => null);
  if (!browser) return "(no Chromium: not measured)";
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
    const page = await context.newPage();
    let requests = 0;
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (request.resourceType() !== "document" && !url.pathname.startsWith("/_next/static") && url.pathname !== "/api/events")
        requests += 1;
    });
    await page.goto(`${base}/inbox`);
    await page.waitForTimeout(4_000);
    return requests;
  } finally {
    await browser.close();
  }
}

/** Runs the autocannon instances at once for PAGE_SECONDS; latencies of the 200s, everything else an error. */
async function load(runs: readonly { url: string; headers: Record<string, string>; connections: number }[]): Promise<Load> {
  const times: number[] = [];
  let errors = 0;
  const results = await Promise.all(
    runs.map((run) => {
      const instance = autocannon({ url: run.url, headers: run.headers, connections: run.connections, duration: PAGE_SECONDS });
      instance.on("response", (_client: unknown, status: number, _bytes: number, milliseconds: number) => {
        if (status === 200) times.push(milliseconds);
        else errors += 1;
      });
      return instance;
    }),
  );
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: results.reduce((sum, result) => sum + result.requests.average, 0),
    errors: errors + results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
  };
}
