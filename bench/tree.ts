/**
 * The editor's tree at scale (issue 18): two workspaces side by side in one PostgreSQL (embedded, in
 * .data/bench-tree, or DATABASE_URL's), seeded in SQL by bench/lib/seed-tree.ts: 1,000 entities
 * (the same-run baseline) and 100,000 (1,000 projects, beams under them, some nested projects,
 * shares among 1,000 users; an engineer owning 40 % of them). For each workspace, as the pages call
 * them, one after another (p50/p95 over SAMPLES calls):
 *
 * 1. the queries: /editor's tree (openTree at the top), /editor/<id>'s tree opened down to a beam in
 *    a sub-project, the entity itself, expanding the project of 1,000 children (its first page), and
 *    a search as typed; for the reviewer and for the engineer owning 40,000; a bare `SELECT 1` first;
 * 2. with BENCH_HTTP=1 (needs a production build: `npx next build`), the pages on the production
 *    server: GET /editor and GET /editor/<id> at 10 paced users, each once a second, HTML size, and
 *    GET /api/health (bare route) the same way as the baseline.
 *
 *   npm run bench -- tree            (queries: about 2 minutes on 2 cores, most of it the seed)
 *   BENCH_HTTP=1 npm run bench -- tree
 *
 * Targets: expand and search p95 < 50 ms, pages p95 < 100 ms and < 100 KiB of HTML; every figure
 * at 100,000 within 2× of the same at 1,000.
 */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { freePort } from "@/lib/db/embedded";
import { benchDatabase, machine, percentile } from "./lib/database";
import { signInByForm, startLauncher, stopLauncher } from "./lib/launcher";
import { paced } from "./lib/paced";
import { seedTreeWorkspace, type TreeWorkspace } from "./lib/seed-tree";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PAGE_USERS = 10;
const PAGE_PACE_MS = 1_000;
const PAGE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = "bench-tree-password";
const serverDir = ".data/bench-tree-server";

const say = (line: string) => console.log(`  ${line}`);
const ms = (value: number) => `${value.toFixed(2)} ms`;

const database = await benchDatabase("tree");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
let server: ChildProcess | null = null;
try {
  console.log(
    `the editor's tree at scale (${machine()}, load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  const seeded = performance.now();
  const small = await seedTreeWorkspace(client, { prefix: "k", entities: 1_000, users: 50 });
  const large = await seedTreeWorkspace(client, { prefix: "m", entities: 100_000, users: 1_000 });
  await client.query("ANALYZE");
  say(
    `seeded ${small.entities} and ${large.entities} entities in ${((performance.now() - seeded) / 1000).toFixed(1)} s; the engineer owns ${small.owned} and ${large.owned} of them`,
  );

  const { install } = await import("@/lib/installation/install");
  install((await import("@/definitions")).default);
  const { pool } = await import("@/lib/db/pool");
  const { openTree, listTreePage } = await import("@/lib/entities/list-tree");
  const { findEntityForUser } = await import("@/lib/entities/get-entity");
  const { searchEntities } = await import("@/lib/entities/search-entities");

  const time = async (run: () => Promise<unknown>) => {
    for (let warm = 0; warm < 20; warm++) await run();
    const samples: number[] = [];
    for (let n = 0; n < SAMPLES; n++) {
      const at = performance.now();
      await run();
      samples.push(performance.now() - at);
    }
    return samples.sort((a, b) => a - b);
  };
  const bare = await time(() => pool.query("SELECT 1"));

  type Figure = { label: string; target: number; at: (w: TreeWorkspace) => () => Promise<unknown> };
  const actors = (w: TreeWorkspace) => [
    { who: "reviewer", actor: { id: w.reviewer, roles: ["reviewer" as const] } },
    { who: `engineer owning ${w.owned.toLocaleString("en")}`, actor: { id: w.owner, roles: ["engineer" as const] } },
  ];
  const figures: Figure[] = [];
  for (const index of [0, 1]) {
    const as = (w: TreeWorkspace) => actors(w)[index]!.actor;
    const who = index === 0 ? "reviewer" : "engineer owning 40 %";
    figures.push(
      { label: `${who}: /editor's tree (openTree at the top)`, target: 100, at: (w) => () => openTree(as(w), null) },
      { label: `${who}: /editor/<beam>'s tree (openTree down a sub-project)`, target: 100, at: (w) => () => openTree(as(w), w.deepBeam) },
      { label: `${who}: /editor/<beam>'s entity (findEntityForUser)`, target: 100, at: (w) => () => findEntityForUser(as(w), w.deepBeam) },
      {
        label: `${who}: expand the project of ${large.bigChildren.toLocaleString("en")} children (first page)`,
        target: 50,
        at: (w) => () => listTreePage(as(w), { parentId: w.bigProject }),
      },
      {
        label: `${who}: search "beam <prefix>0004" as typed (100 matches)`,
        target: 50,
        at: (w) => () => searchEntities(as(w), { text: `beam ${w.prefix}0004` }),
      },
      { label: `${who}: search "sub" as typed`, target: 50, at: (w) => () => searchEntities(as(w), { text: "sub" }) },
    );
  }
  const rows: { label: string; small: number[]; large: number[]; target: number }[] = [];
  for (const figure of figures) {
    rows.push({ label: figure.label, small: await time(figure.at(small)), large: await time(figure.at(large)), target: figure.target });
  }

  const http = process.env.BENCH_HTTP === "1" ? await measurePages(small, large) : null;
  await pool.end();

  console.log();
  say(`SELECT 1 (baseline): p50 ${ms(percentile(bare, 50))}, p95 ${ms(percentile(bare, 95))}`);
  let missed = 0;
  for (const row of rows) {
    const [p50s, p95s, p50l, p95l] = [
      percentile(row.small, 50),
      percentile(row.small, 95),
      percentile(row.large, 50),
      percentile(row.large, 95),
    ];
    const ok = p95l < row.target && p95l <= 2 * Math.max(p95s, 1);
    if (!ok) missed += 1;
    say(
      `${row.label}: at ${small.entities.toLocaleString("en")} p50 ${ms(p50s)} p95 ${ms(p95s)}; at ${large.entities.toLocaleString("en")} p50 ${ms(p50l)} p95 ${ms(p95l)} (${(p95l / p95s).toFixed(1)}×)${ok ? "" : "  ← target NOT met"}`,
    );
  }
  if (http) for (const line of http) say(line);
  else say("pages over HTTP not measured (BENCH_HTTP=1, after `npx next build`)");
  say(`targets (p95 under the figure's bound and within 2× of 1,000 entities, or 1 ms): ${missed === 0 ? "met" : `${missed} NOT met`}`);
  if (missed) process.exitCode = 1;
} finally {
  if (server) await stopLauncher(server);
  await client.end();
  await database.close();
  await rm(serverDir, { recursive: true, force: true });
}

/** GET /editor and /editor/<beam> by PAGE_USERS paced sessions of each user, beside GET /api/health, on the production server. */
async function measurePages(small: TreeWorkspace, large: TreeWorkspace): Promise<string[]> {
  const { hashPassword } = await import("better-auth/crypto");
  const hash = await hashPassword(PASSWORD);
  const accounts: { w: TreeWorkspace; who: string; email: string }[] = [];
  for (const w of [small, large]) {
    for (const [who, id] of [
      ["reviewer", w.reviewer],
      ["engineer owning 40 %", w.owner],
    ] as const) {
      await client.query(
        `INSERT INTO account (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt") VALUES ($1, $2, 'credential', $2, $3, now(), now())`,
        [randomUUID(), id, hash],
      );
      const { rows } = await client.query<{ email: string }>(`SELECT email FROM "user" WHERE id = $1`, [id]);
      accounts.push({ w, who, email: rows[0]!.email });
    }
  }
  const port = await freePort();
  const base = `http://localhost:${port}`;
  say(`starting the launcher on the benchmark database (port ${port})…`);
  server = await startLauncher(port, { DATABASE_URL: database.url, GUSSET_DATA_DIR: serverDir });
  const lines: string[] = [];
  // Sessions for every account, and every page warmed (the server's JIT, pools and caches) before any is measured.
  const sessions = new Map<string, string[]>();
  for (const { email } of accounts) {
    const cookies: string[] = [];
    for (let n = 0; n < PAGE_USERS; n++) cookies.push(await signInByForm(base, email, PASSWORD));
    sessions.set(email, cookies);
  }
  for (const { w, email } of accounts) {
    for (const path of ["/editor", `/editor/${w.deepBeam}`]) {
      await paced([{ url: `${base}${path}`, method: "GET", headers: { cookie: sessions.get(email)![0]! } }], 200, 3);
    }
  }
  const health = await paced(
    Array.from({ length: PAGE_USERS }, () => ({ url: `${base}/api/health`, method: "GET" as const })),
    PAGE_PACE_MS,
    PAGE_SECONDS,
  );
  lines.push(`GET /api/health (bare route, baseline), ${PAGE_USERS} paced clients: p50 ${ms(health.p50)}, p95 ${ms(health.p95)}`);
  for (const { w, who, email } of accounts) {
    const cookies = sessions.get(email)!;
    for (const path of ["/editor", `/editor/${w.deepBeam}`]) {
      const first = await fetch(`${base}${path}`, { headers: { cookie: cookies[0]! } });
      const html = await first.text();
      if (first.status !== 200) throw new Error(`GET ${path} as the ${who} answered ${first.status}`);
      const load = await paced(
        cookies.map((cookie) => ({ url: `${base}${path}`, method: "GET" as const, headers: { cookie } })),
        PAGE_PACE_MS,
        PAGE_SECONDS,
      );
      lines.push(
        `GET ${path.startsWith("/editor/") ? "/editor/<beam>" : path} at ${w.entities.toLocaleString("en")} entities, ${who}, ${PAGE_USERS} paced users: p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, ${load.errors} errors, ${(html.length / 1024).toFixed(0)} KiB of HTML`,
      );
    }
  }
  return lines;
}
