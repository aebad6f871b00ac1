/**
 * View calls over HTTP as the browser makes them, against the production build
 * served by the real launcher on a real PostgreSQL (embedded, in
 * .data/bench-views): latency p50/p95 of the Cube's data view and the steel
 * beam's moments view at 1, 10 and 50 concurrent editors (autocannon
 * connections, each sending its next call when the last one answered), beside
 * two baselines on the same server: a bare route (`GET /api/bench/hello`, no
 * session) and a route with the view call's checks but no view (`POST
 * /api/bench/hello`: Origin, session, role, JSON body).
 *
 *   npx next build && npm run bench -- views
 *
 * Targets (issue 5): the Cube at 10 editors p50 < 15 ms and p95 < 50 ms;
 * a view call's time within 3× the bare route's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort } from "@/lib/db/embedded";

const dataDir = ".data/bench-views";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = [1, 10, 50];
const ENGINEER = { email: "engineer@gusset.local", password: "gusset-engineer" };

const say = (line: string) => console.log(`  ${line}`);

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, GUSSET_DATA_DIR: dataDir, PORT: String(port), BETTER_AUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The launcher exited (${child.exitCode}):\n${log}`);
    if (log.includes("[gusset] Ready")) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`The launcher did not get ready in 240 s:\n${log}`);
}

/**
 * Signs in as a browser without JavaScript does: the sign-in page's form posted
 * to its server action (progressive enhancement), which answers with the
 * session cookie and a redirect.
 */
async function signIn(base: string): Promise<string> {
  const page = await (await fetch(`${base}/sign-in`)).text();
  const form = new FormData();
  for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    form.append(name!.replace(/&amp;/g, "&"), (value ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  }
  form.set("email", ENGINEER.email);
  form.set("password", ENGINEER.password);
  form.set("next", "/");
  const response = await fetch(`${base}/sign-in`, { method: "POST", body: form, headers: { origin: base }, redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!cookie) throw new Error(`Sign-in answered ${response.status} without a session cookie.`);
  return cookie.split(";")[0]!;
}

/** Creates a project with a Cube and a beam in it through the entity repository, as the engineer. */
async function createEntities(): Promise<{ cube: string; beam: string; databaseUrl: string }> {
  const { databaseUrl } = await import("@/lib/db/embedded");
  const settings = JSON.parse(await readFile(path.join(dataDir, "postgres.json"), "utf8")) as { port: number; password: string };
  process.env.DATABASE_URL = databaseUrl(`postgresql://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/postgres`, "gusset");
  const { db } = await import("@/lib/db/client");
  const { createEntity } = await import("@/lib/entities/create-entity");
  const user = await db.user.findUniqueOrThrow({ where: { email: ENGINEER.email } });
  const actor = { id: user.id, roles: ["engineer" as const] };
  const made = async (type: string, name: string, parentId: string | null) => {
    const result = await createEntity(actor, { type, name, parentId });
    if (!result.ok) throw new Error(`Could not create the ${type}: ${result.failure.message}`);
    return result.value.id;
  };
  const project = await made("project", "Benchmark", null);
  const ids = { cube: await made("cube", "Bench cube", project), beam: await made("beam", "Bench beam", project) };
  await db.$disconnect();
  return { ...ids, databaseUrl: process.env.DATABASE_URL };
}

/**
 * Statements a call costs the database: the growth of pg_stat_database's committed transactions
 * (every statement outside a transaction is one) over 100 calls one after another. An idle
 * backend publishes its counts within 10 s (PGSTAT_IDLE_INTERVAL), hence the wait; measured with
 * 1.5 s instead, the counts came out short and uneven (0.3 statements for the session check).
 */
async function queriesPerCall(databaseUrl: string, call: () => Promise<unknown>): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const committed = async () => {
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const { rows } = await client.query<{ n: string }>("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]!.n);
  };
  const before = await committed();
  for (let i = 0; i < 100; i++) await call();
  const after = await committed();
  await client.end();
  return (after - before - 1) / 100; // less the reading query itself
}

interface Measured {
  readonly label: string;
  readonly editors: number;
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly errors: number;
}

async function measure(label: string, editors: number, options: { url: string; method: "GET" | "POST"; headers?: Record<string, string>; body?: string }): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  const instance = autocannon({ ...options, connections: editors, duration: DURATION_S });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) times.push(ms);
    else errors += 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { label, editors, rps: result.requests.average, p50: at(0.5), p95: at(0.95), errors: errors + result.errors + result.timeouts };
}

export async function main(): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  console.log(`view calls over HTTP (${os.cpus().length}× ${os.cpus()[0]?.model}, node ${process.version}, ${DURATION_S} s a run, autocannon on the same machine, load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")})`);
  say("starting the launcher (fresh data folder; builds if the bundle is missing or older than the sources)…");
  const server = await startServer(port);
  try {
    const cookie = await signIn(base);
    const { cube, beam, databaseUrl } = await createEntities();
    const headers = { cookie, origin: base, "content-type": "application/json" };
    const cubeParams = JSON.stringify({ params: { length: 2, width: 3, height: 4 } });
    const beamParams = JSON.stringify({
      params: {
        geometry: {
          nodes: [{ id: "A", x: 0 }, { id: "B", x: 3 }, { id: "C", x: 6 }],
          supports: [{ node: "A", type: "pinned" }, { node: "C", type: "roller" }],
          section: { family: "IPE", profile: "IPE 300", grade: "S355" },
        },
        loads: { pointLoads: [{ x: 3, F: 50 }], distributedLoads: [{ x1: 0, x2: 6, q1: 5, q2: 5 }], selfWeight: true, loadFactor: 1.35 },
      },
    });
    const check = async (url: string, body: string) => {
      const response = await fetch(url, { method: "POST", headers, body });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    };
    await check(`${base}/api/entities/${cube}/views/volume`, cubeParams);
    await check(`${base}/api/entities/${beam}/views/moments`, beamParams);
    await check(`${base}/api/bench/hello`, cubeParams);
    if ((await fetch(`${base}/api/bench/hello`, { headers: { cookie } })).status !== 200) throw new Error("GET /api/bench/hello did not answer 200.");

    const targets = [
      // The cookie only gets it past proxy.ts's cookie-presence filter; the route reads no session.
      { label: "bare route (GET /api/bench/hello)", options: { url: `${base}/api/bench/hello`, method: "GET" as const, headers: { cookie } } },
      { label: "auth checks, no view (POST /api/bench/hello)", options: { url: `${base}/api/bench/hello`, method: "POST" as const, headers, body: cubeParams } },
      { label: "Cube data view (volume)", options: { url: `${base}/api/entities/${cube}/views/volume`, method: "POST" as const, headers, body: cubeParams } },
      { label: "beam moments view (plot)", options: { url: `${base}/api/entities/${beam}/views/moments`, method: "POST" as const, headers, body: beamParams } },
    ];
    // Warm up every route (JIT, connection pools) before measuring.
    for (const target of targets) await measure(target.label, 10, { ...target.options }).catch(() => undefined);

    const queries = new Map<string, number>();
    for (const target of targets) {
      const { url, method, headers: sent, body } = target.options as { url: string; method: string; headers?: Record<string, string>; body?: string };
      queries.set(target.label, await queriesPerCall(databaseUrl, () => fetch(url, { method, headers: sent, body }).then((r) => r.arrayBuffer())));
    }

    const rows: Measured[] = [];
    for (const editors of CONCURRENCY) for (const target of targets) rows.push(await measure(target.label, editors, target.options));

    const bare = (editors: number) => rows.find((row) => row.editors === editors && row.label.startsWith("bare"))!;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log();
    console.log(`  | target | DB statements a call | editors | req/s | p50 | p95 | p50 ÷ bare | errors |`);
    console.log(`  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    for (const row of rows) {
      console.log(`  | ${row.label} | ${queries.get(row.label)!.toFixed(1)} | ${row.editors} | ${Math.round(row.rps)} | ${ms(row.p50)} | ${ms(row.p95)} | ${(row.p50 / bare(row.editors).p50).toFixed(2)}× | ${row.errors} |`);
    }
    const cube10 = rows.find((row) => row.editors === 10 && row.label.startsWith("Cube"))!;
    console.log();
    say(`Cube at 10 editors: p50 ${ms(cube10.p50)} (target < 15 ms), p95 ${ms(cube10.p95)} (target < 50 ms): ${cube10.p50 < 15 && cube10.p95 < 50 ? "met" : "NOT met"}`);
    for (const editors of CONCURRENCY) {
      const ratio = rows.find((row) => row.editors === editors && row.label.startsWith("Cube"))!.p50 / bare(editors).p50;
      say(`Cube view ÷ bare route at ${editors} editor(s): ${ratio.toFixed(2)}× (target ≤ 3×)`);
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
