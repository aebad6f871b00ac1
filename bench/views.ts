/**
 * View calls over HTTP as the browser makes them, against the production build
 * served by the real launcher on a real PostgreSQL (embedded, in
 * .data/bench-views): latency p50/p95 of the Cube's data view and the steel
 * beam's moments view at 1, 10 and 50 editors, beside baselines on the same
 * server: a bare route (`GET /api/bench/hello`, no session), a POST of the
 * same JSON body checked with zod (`POST /api/bench/echo`, no session) and a
 * route with the view call's checks but no view (`POST /api/bench/hello`:
 * Origin, session, role, JSON body). Those three are bench-only routes
 * (app/api/bench/…/route.bench.ts), built only with GUSSET_BENCH_ROUTES=1
 * (next.config.ts), so this bench serves a build of its own (BENCH_DIST_DIR
 * below). Two models of an editor, both printed:
 *
 * - **closed loop** (saturation): autocannon connections, each sending its next
 *   call the moment the last one answered, no think time: the server's
 *   throughput limit, not what a person typing causes;
 * - **paced**: each editor sends one call per settled value, one every 300 ms
 *   (the form's debounce), at its own random phase; arrivals are open-loop
 *   (a call goes out when it is due, answered or not) and latency counts from
 *   the time it was due, so a slow server cannot hide behind fewer calls.
 *
 * Then where a call's time goes: each step timed in this process, one caller
 * after another, against the same database (the statements, their round trip,
 * zod, the view itself).
 *
 *   npm run bench -- views
 *
 * BENCH_SECONDS (default 6) is a closed-loop run, BENCH_PACED_SECONDS (default
 * 15) a paced one; GUSSET_DIST_DIR picks the build (default .next-bench, built by
 * the launcher with the bench routes when missing or older than the sources),
 * BENCH_COMPARE_DIST_DIR adds a second build measured alternately with it (see main).
 *
 * Targets (issue 5): the Cube at 10 editors p50 < 15 ms and p95 < 50 ms;
 * a view call's time within 3× the bare route's.
 */
import type { ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort } from "@/lib/db/embedded";
import { signInByForm, startLauncher } from "./lib/launcher";
import { paced } from "./lib/paced";

const dataDir = ".data/bench-views";
/**
 * The app and the baselines in one build, so both are measured on the same server in the same
 * run: the production app plus the bench routes, which no other build has (a security review
 * found them answering anyone with a session-like cookie, and echo parsing 10 MB bodies unsigned).
 * A folder of its own, so it never replaces the `.next` that `npm start` serves.
 */
const BENCH_DIST_DIR = process.env.GUSSET_DIST_DIR ?? ".next-bench";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 6);
const PACED_S = Number(process.env.BENCH_PACED_SECONDS ?? 15);
/** A paced editor's interval between calls: the form's debounce (components/views/entity-views.tsx). */
const PACE_MS = 300;
const CONCURRENCY = [1, 10, 50];
const ENGINEER = { email: "engineer@gusset.local", password: "gusset-engineer" };

const say = (line: string) => console.log(`  ${line}`);

// GUSSET_BENCH_ROUTES reaches the launcher's `next build` when it builds BENCH_DIST_DIR.
const startServer = (port: number, env: Record<string, string> = {}) =>
  startLauncher(port, { GUSSET_DATA_DIR: dataDir, GUSSET_DIST_DIR: BENCH_DIST_DIR, GUSSET_BENCH_ROUTES: "1", ...env });
const signIn = (base: string) => signInByForm(base, ENGINEER.email, ENGINEER.password);

/** Creates a project with a Cube and a beam in it through the entity repository, as the engineer. */
async function createEntities(): Promise<{ cube: string; beam: string; databaseUrl: string }> {
  const { databaseUrl } = await import("@/lib/db/embedded");
  const settings = JSON.parse(await readFile(path.join(dataDir, "postgres.json"), "utf8")) as { port: number; password: string };
  process.env.DATABASE_URL = databaseUrl(
    `postgresql://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/postgres`,
    "gusset",
  );
  // The server's secret, so that this process verifies its cookies in the breakdown below.
  const secrets = JSON.parse(await readFile(path.join(dataDir, "secrets.json"), "utf8")) as { BETTER_AUTH_SECRET: string };
  process.env.BETTER_AUTH_SECRET = secrets.BETTER_AUTH_SECRET;
  const { db } = await import("@/lib/db/client");
  const { createEntity } = await import("@/lib/entities/create-entity");
  const { install } = await import("@/lib/installation/install");
  install((await import("@/definitions")).default); // createEntity asks the installation for the type
  const user = await db.user.findUniqueOrThrow({ where: { email: ENGINEER.email } });
  const actor = { id: user.id, roles: ["engineer" as const] };
  const made = async (type: string, name: string, parentId: string | null) => {
    const result = await createEntity(actor, { type, name, parentId });
    if (!result.ok) throw new Error(`Could not create the ${type}: ${result.failure.message}`);
    return result.value.id;
  };
  const project = await made("project", "Benchmark", null);
  const ids = { cube: await made("cube", "Bench cube", project), beam: await made("beam", "Bench beam", project) };
  return { ...ids, databaseUrl: process.env.DATABASE_URL };
}

/**
 * Statements a call costs the database: the growth of pg_stat_database's committed transactions
 * (every statement outside a transaction is one) over 100 calls one after another, less the growth
 * over a window with no calls (the job workers' heartbeats). An idle backend publishes its counts
 * within 10 s (PGSTAT_IDLE_INTERVAL), hence a wait before each reading; measured with 1.5 s
 * instead, the counts came out short and uneven (0.3 statements for the session check).
 */
async function statementCounter(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const committed = async () => {
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const { rows } = await client.query<{ n: string }>("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]!.n);
  };
  let last = await committed();
  const window = async (calls: () => Promise<void>) => {
    await calls();
    const now = await committed();
    const grown = now - last - 1; // less the reading query itself
    last = now;
    return grown;
  };
  const idle = await window(async () => {});
  return {
    perCall: async (call: () => Promise<unknown>) =>
      ((await window(async () => {
        for (let i = 0; i < 100; i++) await call();
      })) -
        idle) /
      100,
    close: () => client.end(),
  };
}

interface Measured {
  readonly label: string;
  readonly editors: number;
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly errors: number;
}

async function measure(
  label: string,
  editors: number,
  options: { url: string; method: "GET" | "POST"; headers?: Record<string, string>; body?: string },
): Promise<Measured> {
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

type Target = { label: string; options: { url: string; method: "GET" | "POST"; headers?: Record<string, string>; body?: string } };

/** Paced editors (bench/lib/paced.ts): each sends the target's call every PACE_MS. */
async function pacedEditors(target: Target, editors: number): Promise<Measured> {
  const clients = Array.from({ length: editors }, () => target.options);
  return { label: target.label, editors, ...(await paced(clients, PACE_MS, PACED_S)) };
}

/** Median and p95 of one step, run one after another in this process (after a warm-up). */
async function timeStep(run: () => Promise<unknown>, samples = 400): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 50; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

/** Where a view call's time goes: its steps, each timed alone in this process on the same database. */
async function breakdown(cookie: string, ids: { cube: string; beam: string }, bodies: { cube: string; beam: string }): Promise<void> {
  const { db } = await import("@/lib/db/client");
  const { auth } = await import("@/lib/auth/auth");
  const { userFromSessionCookie } = await import("@/lib/auth/session-cookie");
  const { findEntityForUser, findEntityToRun } = await import("@/lib/entities/get-entity");
  const { compute } = await import("@/lib/controller/compute");
  const { installed } = await import("@/lib/installation/install");
  const { entityType } = installed();
  const { z } = await import("zod");
  const headers = new Headers({ cookie });
  const user = await userFromSessionCookie(headers);
  if (!user) throw new Error("The breakdown could not read the bench's session.");
  const body = z.object({ params: z.record(z.string(), z.unknown()) });
  const run = async (id: string, view: string, json: string) => {
    const entity = (await findEntityToRun(user, id))!;
    const controller = entityType(entity.type)!.controller!;
    const params = body.parse(JSON.parse(json)).params;
    return { call: () => compute({ id: entity.id, name: entity.name, type: entity.type, controller }, view, params) };
  };
  const cubeView = await run(ids.cube, "volume", bodies.cube);
  const beamView = await run(ids.beam, "moments", bodies.beam);
  const steps: [string, string, () => Promise<unknown>][] = [
    ["one round trip (`SELECT 1` through Prisma)", "1", () => db.$queryRaw`SELECT 1`],
    ["session: better-auth `getSession` (once a day a session, to extend it)", "2", () => auth.api.getSession({ headers })],
    ["session: `userFromSessionCookie` (every request)", "1", () => userFromSessionCookie(headers)],
    ["entity: `findEntityForUser` (pages)", "3", () => findEntityForUser(user, ids.cube)],
    ["entity: `findEntityToRun` (view and button calls)", "1", () => findEntityToRun(user, ids.cube)],
    ["body: JSON.parse + zod (Cube params)", "0", async () => body.parse(JSON.parse(bodies.cube))],
    ["the Cube's volume view (compute)", "0", cubeView.call],
    ["the beam's moments view (compute)", "0", beamView.call],
  ];
  console.log();
  say("where a call's time goes (each step alone, one after another, in the bench process on the same database):");
  console.log();
  console.log(`  | step | statements | p50 | p95 |`);
  console.log(`  | --- | ---: | ---: | ---: |`);
  for (const [label, statements, step] of steps) {
    const { p50, p95 } = await timeStep(step);
    console.log(`  | ${label} | ${statements} | ${p50.toFixed(2)} ms | ${p95.toFixed(2)} ms |`);
  }
  await db.$disconnect();
  await (await import("@/lib/db/pool")).pool.end();
}

function printTable(rows: readonly Measured[], queries: ReadonlyMap<string, number> | null, rateLabel: string): void {
  const bare = (editors: number) => rows.find((row) => row.editors === editors && row.label.startsWith("bare"))!;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`  | target |${queries ? " DB statements a call |" : ""} editors | ${rateLabel} | p50 | p95 | p50 ÷ bare | errors |`);
  console.log(`  | --- |${queries ? " ---: |" : ""} ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const row of rows) {
    const statements = queries ? ` ${queries.get(row.label)!.toFixed(1)} |` : "";
    console.log(
      `  | ${row.label} |${statements} ${row.editors} | ${Math.round(row.rps)} | ${ms(row.p50)} | ${ms(row.p95)} | ${(row.p50 / bare(row.editors).p50).toFixed(2)}× | ${row.errors} |`,
    );
  }
  const cube10 = rows.find((row) => row.editors === 10 && row.label.startsWith("Cube"))!;
  console.log();
  say(
    `Cube at 10 editors: p50 ${ms(cube10.p50)} (target < 15 ms), p95 ${ms(cube10.p95)} (target < 50 ms): ${cube10.p50 < 15 && cube10.p95 < 50 ? "met" : "NOT met"}`,
  );
  for (const editors of CONCURRENCY) {
    const ratio = rows.find((row) => row.editors === editors && row.label.startsWith("Cube"))!.p50 / bare(editors).p50;
    say(`Cube view ÷ bare route at ${editors} editor(s): ${ratio.toFixed(2)}× (target ≤ 3×): ${ratio <= 3 ? "met" : "NOT met"}`);
  }
}

const CUBE_BODY = JSON.stringify({ params: { length: 2, width: 3, height: 4 } });
const BEAM_BODY = JSON.stringify({
  params: {
    geometry: {
      nodes: [
        { id: "A", x: 0 },
        { id: "B", x: 3 },
        { id: "C", x: 6 },
      ],
      supports: [
        { node: "A", type: "pinned" },
        { node: "C", type: "roller" },
      ],
      section: { family: "IPE", profile: "IPE 300", grade: "S355" },
    },
    loads: { pointLoads: [{ x: 3, F: 50 }], distributedLoads: [{ x1: 0, x2: 6, q1: 5, q2: 5 }], selfWeight: true, loadFactor: 1.35 },
  },
});

/** The targets on one server, each checked to answer 200 first. */
async function targetsOn(base: string, cookie: string, ids: { cube: string; beam: string }): Promise<Target[]> {
  const headers = { cookie, origin: base, "content-type": "application/json" };
  const check = async (url: string, body: string) => {
    const response = await fetch(url, { method: "POST", headers, body });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  };
  await check(`${base}/api/entities/${ids.cube}/views/volume`, CUBE_BODY);
  await check(`${base}/api/entities/${ids.beam}/views/moments`, BEAM_BODY);
  const hello = await fetch(`${base}/api/bench/hello`, { headers: { cookie } });
  if (hello.status === 404)
    throw new Error(
      `${base} has no /api/bench routes: its build was made without GUSSET_BENCH_ROUTES=1. Remove the build folder, or build it with ` +
        "`GUSSET_BENCH_ROUTES=1 GUSSET_DIST_DIR=<folder> npx next build`.",
    );
  if (hello.status !== 200) throw new Error(`GET /api/bench/hello answered ${hello.status}.`);
  await check(`${base}/api/bench/hello`, CUBE_BODY);
  // Builds from before the echo route (compared in docs/benchmarks.md) answer 404: that row is left out then.
  const echo = await fetch(`${base}/api/bench/echo`, { method: "POST", headers, body: CUBE_BODY });
  if (echo.status !== 200 && echo.status !== 404) throw new Error(`POST /api/bench/echo answered ${echo.status}.`);
  return [
    // The cookie only gets it past proxy.ts's cookie-presence filter; the route reads no session.
    { label: "bare route (GET /api/bench/hello)", options: { url: `${base}/api/bench/hello`, method: "GET", headers: { cookie } } },
    ...(echo.status === 200
      ? [
          {
            label: "JSON body + zod, no session (POST /api/bench/echo)",
            options: { url: `${base}/api/bench/echo`, method: "POST" as const, headers, body: CUBE_BODY },
          },
        ]
      : []),
    {
      label: "auth checks, no view (POST /api/bench/hello)",
      options: { url: `${base}/api/bench/hello`, method: "POST", headers, body: CUBE_BODY },
    },
    {
      label: "Cube data view (volume)",
      options: { url: `${base}/api/entities/${ids.cube}/views/volume`, method: "POST", headers, body: CUBE_BODY },
    },
    {
      label: "beam moments view (plot)",
      options: { url: `${base}/api/entities/${ids.beam}/views/moments`, method: "POST", headers, body: BEAM_BODY },
    },
  ];
}

interface Server {
  readonly name: string;
  readonly process: ChildProcess;
  targets: Target[];
  readonly queries: Map<string, number>;
  readonly closed: Measured[];
  readonly paced: Measured[];
}

/**
 * With BENCH_COMPARE_DIST_DIR (another build, e.g. of an older commit), a second server runs that
 * build on the same database with the same secret, and every measurement alternates between the
 * two, so both see the same machine.
 */
export async function main(): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  process.env.BETTER_AUTH_URL = base;
  const compareDist = process.env.BENCH_COMPARE_DIST_DIR;
  console.log(
    `view calls over HTTP (${os.cpus().length}× ${os.cpus()[0]?.model}, node ${process.version}, autocannon and the paced editors on the same machine, load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  say(
    `starting the launcher on build ${BENCH_DIST_DIR} (fresh data folder; builds it, bench routes included, if missing or older than the sources)…`,
  );
  const servers: Server[] = [];
  const fresh = (name: string, child: ChildProcess): Server => ({
    name,
    process: child,
    targets: [],
    queries: new Map(),
    closed: [],
    paced: [],
  });
  servers.push(fresh(`build ${BENCH_DIST_DIR}`, await startServer(port)));
  try {
    const cookie = await signIn(base);
    const { cube, beam, databaseUrl } = await createEntities();
    const bases = [base];
    if (compareDist) {
      const comparePort = await freePort();
      const secrets = JSON.parse(await readFile(path.join(dataDir, "secrets.json"), "utf8")) as Record<string, string>;
      say(`starting a second launcher on build ${compareDist}, same database and secret…`);
      servers.push(
        fresh(
          `build ${compareDist}`,
          await startServer(comparePort, {
            ...secrets,
            DATABASE_URL: databaseUrl,
            GUSSET_DIST_DIR: compareDist,
            GUSSET_DATA_DIR: `${dataDir}-compare`,
          }),
        ),
      );
      bases.push(`http://localhost:${comparePort}`);
    }
    for (const [i, server] of servers.entries()) server.targets = await targetsOn(bases[i]!, cookie, { cube, beam });

    // Warm up every route (JIT, connection pools) before measuring.
    for (const server of servers)
      for (const target of server.targets) await measure(target.label, 10, { ...target.options }).catch(() => undefined);

    const counter = await statementCounter(databaseUrl);
    for (const server of servers) {
      for (const target of server.targets) {
        const { url, method, headers: sent, body } = target.options;
        server.queries.set(
          target.label,
          await counter.perCall(() => fetch(url, { method, headers: sent, body }).then((r) => r.arrayBuffer())),
        );
      }
    }
    await counter.close();

    const labels = servers[0]!.targets.map((target) => target.label);
    for (const editors of CONCURRENCY) {
      for (const label of labels) {
        for (const server of servers) {
          const target = server.targets.find((t) => t.label === label);
          if (target) server.closed.push(await measure(target.label, editors, target.options));
        }
      }
    }
    for (const editors of CONCURRENCY) {
      for (const label of labels) {
        for (const server of servers) {
          const target = server.targets.find((t) => t.label === label);
          if (target) server.paced.push(await pacedEditors(target, editors));
        }
      }
    }

    for (const server of servers) {
      console.log();
      say(`━━ ${server.name}${servers.length > 1 ? " (measurements alternated with the other build's)" : ""}`);
      console.log();
      say(`closed loop (saturation): each editor sends its next call when the last one answered, no think time; ${DURATION_S} s a run`);
      console.log();
      printTable(server.closed, server.queries, "req/s");
      console.log();
      say(
        `paced editors: one call every ${PACE_MS} ms each (the form's debounce), open-loop arrivals at random phases, latency from when a call was due; ${PACED_S} s a run`,
      );
      console.log();
      printTable(server.paced, null, "calls/s sent");
    }

    await breakdown(cookie, { cube, beam }, { cube: CUBE_BODY, beam: BEAM_BODY });
  } finally {
    for (const server of [...servers].reverse()) {
      await new Promise<void>((resolve) => {
        server.process.once("exit", () => resolve());
        server.process.kill("SIGTERM");
      });
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-compare`, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
