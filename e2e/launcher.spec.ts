import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, isPortFree } from "@/lib/db/embedded";

// The launcher (`npm start`) under the faults people actually hit: starting
// twice, a crashed run's leftovers, an unreachable DATABASE_URL. Each test
// uses a data folder and ports of its own, and the bundle npm test built.

test.describe.configure({ timeout: 120_000 });

type Launch = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function launch(dataDir: string, port: number, env: Record<string, string> = {}): Launch {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, GUSSET_DATA_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true, // its own process group, so a test can kill the whole tree like a crash would
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(launched: Launch): Promise<void> {
  // The launcher's own line, not Next's "✓ Ready in 134ms", which comes first.
  await expect.poll(launched.output, { timeout: 90_000 }).toMatch(/\[gusset\] Ready in [\d.]+ s: open http:\/\/localhost:\d+/);
}

async function stop(launched: Launch): Promise<void> {
  launched.child.kill("SIGTERM");
  await launched.exited;
}

const dirs: string[] = [];
function dataDir(name: string): string {
  const dir = path.join(".data", `e2e-launcher-${name}-${process.pid}`);
  dirs.push(dir);
  return dir;
}
test.afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

test("a second start on the same data folder says it is in use and changes nothing", async ({ request }) => {
  const dir = dataDir("twice");
  const first = launch(dir, await freePort());
  await ready(first);
  const second = launch(dir, await freePort());
  expect(await second.exited).toBe(1);
  expect(second.output()).toMatch(/Gusset is already running on .*launcher pid \d+\)\. Stop it first, or set GUSSET_DATA_DIR/);
  // The first one still serves.
  const port = Number(/localhost:(\d+)/.exec(first.output())![1]);
  expect((await request.get(`http://localhost:${port}/sign-in`)).status()).toBe(200);
  await stop(first);
  expect(first.output()).toMatch(/Stopped\./);
  expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
});

test("a start after a crash recovers from the stale lock files and keeps the data", async ({ request }) => {
  const dir = dataDir("crash");
  const first = launch(dir, await freePort());
  await ready(first);
  const pidFile = readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8");
  await stop(first);
  // What a power cut leaves: PostgreSQL's and the launcher's pid files, naming processes that are gone.
  // (Killing the processes here instead would leave zombies, since this sandbox's init never reaps them.)
  writeFileSync(path.join(dir, "pg", "postmaster.pid"), pidFile);
  writeFileSync(path.join(dir, "launcher.pid"), String(first.child.pid));

  const port = await freePort();
  const again = launch(dir, port);
  await ready(again);
  expect(again.output()).not.toMatch(/Seeded the demo data/); // seeded once, kept
  expect((await request.get(`http://localhost:${port}/sign-in`)).status()).toBe(200);
  await stop(again);
});

test("a start after the launcher and Next were killed takes over the PostgreSQL left running", async ({ request }) => {
  const dir = dataDir("orphan");
  const first = launch(dir, await freePort());
  await ready(first);
  const postgresPort = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  const nextPid = Number(/^\s*(\d+) .*next/m.exec(childrenOf(first.child.pid!))![1]);
  process.kill(nextPid, "SIGKILL");
  process.kill(first.child.pid!, "SIGKILL");
  await first.exited;
  expect(await isPortFree(postgresPort)).toBe(false); // orphaned, still serving

  const port = await freePort();
  const again = launch(dir, port);
  await ready(again);
  expect(again.output()).toMatch(/Took over the PostgreSQL left running/);
  expect((await request.get(`http://localhost:${port}/sign-in`)).status()).toBe(200);
  await stop(again);
  // ...and stopped it on the way out.
  expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  expect(await isPortFree(postgresPort)).toBe(true);
});

// When Next died under it, the launcher stopped the rest and exited 0, so a supervisor's
// Restart=on-failure never started it again. It now exits 1, after stopping PostgreSQL.
test("when Next dies, the launcher stops the rest and exits non-zero", async () => {
  const dir = dataDir("exit-code");
  const first = launch(dir, await freePort());
  await ready(first);
  // Next names its process "next-server (v…)"; PostgreSQL's line names the data folder.
  const nextPid = Number(/^\s*(\d+) next-server/m.exec(childrenOf(first.child.pid!))![1]);
  process.kill(nextPid, "SIGKILL");
  expect(await first.exited).toBe(1);
  expect(first.output()).toMatch(/Next exited \(SIGKILL\): stopping…/);
  expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
});

test("an unreachable DATABASE_URL stops the start with one line naming the host and the reason", async () => {
  const port = await freePort();
  const launched = launch(dataDir("unreachable"), await freePort(), {
    DATABASE_URL: `postgresql://gusset:secret@127.0.0.1:${port}/gusset`,
  });
  expect(await launched.exited).toBe(1);
  const lines = launched
    .output()
    .trim()
    .split("\n")
    .filter((line) => !line.includes("nodedir"));
  expect(lines).toEqual([`[gusset] Cannot reach PostgreSQL at 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`]);
});

test("a production start on an external database creates no demo accounts and insists on shared secrets", async ({ request }) => {
  // The e2e server's embedded PostgreSQL stands in for an external one.
  const { port: pgPort, password } = JSON.parse(readFileSync(`.data/e2e-${process.env.E2E_PORT}/postgres.json`, "utf8")) as {
    port: number;
    password: string;
  };
  const server = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}`;
  const database = `gusset_prod_${process.pid}`;
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    const env = { NODE_ENV: "production", DATABASE_URL: `${server}/${database}` };
    const withoutSecrets = launch(dataDir("prod-a"), await freePort(), env);
    expect(await withoutSecrets.exited).toBe(1);
    expect(withoutSecrets.output()).toMatch(/A production start needs BETTER_AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/);

    const port = await freePort();
    const secrets = { BETTER_AUTH_SECRET: "b".repeat(44), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
    const production = launch(dataDir("prod-b"), port, { ...env, ...secrets, BETTER_AUTH_URL: `http://localhost:${port}` });
    await ready(production);
    expect(production.output()).not.toMatch(/Demo accounts|Seeded the demo/);
    const client = new pg.Client({ connectionString: `${server}/${database}` });
    await client.connect();
    const users = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "user"`);
    await client.end();
    expect(users.rows[0]?.n).toBe(0);
    expect((await request.get(`http://localhost:${port}/sign-in`)).status()).toBe(200);
    await stop(production);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});

/** The child processes of a pid, one "pid command" per line. */
function childrenOf(pid: number): string {
  return execFileSync("ps", ["--ppid", String(pid), "-o", "pid=,args="], { encoding: "utf8" });
}
