/**
 * `npm start` (and `npm run dev` with --dev): the launcher. Plain Node, no Next.
 *
 *   1. PostgreSQL: DATABASE_URL if set, else the embedded server in .data/
 *   2. migrations and the job queue's schema, the flows checked, then the demo data once
 *      (local demo only, see README.md and docs/deployment.md)
 *   3. the production bundle, built when missing or older than the sources
 *   4. `next start` (or `next dev`) and one job worker (scripts/worker.ts) as child processes
 *   5. Ctrl-C/SIGTERM: Next drains its requests and the worker finishes its jobs, then PostgreSQL stops
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { claimDataDir, connectOrExplain, ensureSecrets, needsBuild, waitForHttp } from "./launcher";
import { databaseUrl, ensureDatabase, isPortFree, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { migrateQueue } from "@/lib/jobs/migrate-queue";
import { demoPolicy } from "./seed-policy";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.GUSSET_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const say = (line: string) => console.log(`[gusset] ${line}`);

async function main(): Promise<void> {
  const started = Date.now();
  const external = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | null = null;
  let url: string;
  if (external) {
    await connectOrExplain(external);
    url = external;
    say(`Using PostgreSQL at ${new URL(external).host}.`);
  } else {
    const release = await claimDataDir(dataDir);
    process.on("exit", release);
    embedded = await startEmbeddedDatabase(dataDir);
    await ensureDatabase(embedded.serverUrl, "gusset");
    url = databaseUrl(embedded.serverUrl, "gusset");
    say(
      embedded.reused
        ? `Took over the PostgreSQL left running on port ${embedded.port} (${dataDir}).`
        : `PostgreSQL is up on port ${embedded.port} (data in ${dataDir}).`,
    );
  }

  const applied = await migrate(url);
  if (applied.length) say(`Applied ${applied.length} migration(s): ${applied.join(", ")}.`);
  await migrateQueue(url);
  // A wrong definition (a flow that cannot run, a type placed nowhere) stops the start here, with
  // every problem listed; Next and the worker install the same at their own start.
  const { default: shipped } = await import("@/definitions");
  const { install } = await import("@/lib/installation/install");
  install(shipped);

  const production = process.env.NODE_ENV === "production" && Boolean(external);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(await ensureSecrets(dataDir, { production })),
    DATABASE_URL: url,
    PORT: String(port),
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);

  const demo = demoPolicy({
    external: Boolean(external),
    production: process.env.NODE_ENV === "production",
    askedForDemo: process.argv.includes("--seed-demo") || process.env.GUSSET_SEED_DEMO === "1",
  });
  if (demo.seed) {
    const { seedDemo, DEMO_USERS } = await import("@/lib/db/seed");
    if (await seedDemo()) say("Seeded the demo data.");
    if (demo.print) {
      say("Demo accounts (local demo only):");
      for (const user of DEMO_USERS) say(`  ${user.roles.join("+").padEnd(9)} ${user.email.padEnd(24)} password: ${user.password}`);
    }
  }
  // The launcher's own connections (seed, checks) close before it spawns the servers.
  const { pool } = await import("@/lib/db/pool");
  await pool.end();

  if (!(await isPortFree(port, host))) {
    throw new Error(`Port ${port} on ${host} is in use: is Gusset already running? Set PORT to use another.`);
  }

  // GUSSET_DIST_DIR: a build folder of one's own, so parallel builds and test runs in one tree do not clobber each other's.
  const distDir = dev ? ".next-dev" : (process.env.GUSSET_DIST_DIR ?? ".next");
  env.GUSSET_DIST_DIR = distDir;
  if (!dev && (await needsBuild(distDir))) {
    say("Building the production bundle (missing or older than the sources; this takes a minute or two)…");
    await run(["build"], env);
  }

  const next = spawnNext(dev ? ["dev", "-p", String(port), "-H", host] : ["start", "-p", String(port), "-H", host], env);
  const children: ChildProcess[] = [next];

  let stopping = false;
  // One job worker beside Next, never inside it (shared/notes/integration.md, traps 6 and 7).
  // If it dies, another takes its place; the heartbeat hands its jobs back.
  const startWorker = () => {
    const worker = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "worker.ts")], { env, stdio: "inherit" });
    children.push(worker);
    worker.on("exit", (code, signal) => {
      children.splice(children.indexOf(worker), 1);
      if (stopping) return;
      say(`The job worker exited (${signal ?? code}); starting another in 2 s.`);
      setTimeout(() => !stopping && startWorker(), 2_000).unref();
    });
  };
  startWorker();

  // Asked to stop, it exits 0; when Next dies under it, 1, so that a supervisor (systemd's
  // Restart=on-failure, a container runtime) starts it again (docs/deployment.md, A supervisor).
  const stop = async (reason: string, exitCode: 0 | 1) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping…`);
    await Promise.all(children.map((child) => terminate(child)));
    await embedded?.stop();
    say(exitCode === 0 ? "Stopped." : `Stopped (exit code ${exitCode}).`);
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  next.on("exit", (code, signal) => {
    if (stopping) return;
    void stop(`Next exited (${signal ?? code})`, 1);
  });

  await waitForHttp(`http://${host}:${port}/sign-in`);
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open http://localhost:${port}`);
}

// A server render allocates a lot that dies young: a 32 MB young generation (V8's default is 16)
// halves the scavenges, and the inbox page at 20 users went from 130 to 149 a second (docs/benchmarks.md, Inbox).
// The preload makes X-Forwarded-For the TCP peer's address unless a proxy is trusted (lib/auth/client-address.ts).
const NODE_FLAGS = ["--max-semi-space-size=32", "--import", pathToFileURL(path.resolve("scripts", "next-peer-address.mjs")).href];

function spawnNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...NODE_FLAGS, path.join("node_modules", "next", "dist", "bin", "next"), ...args], {
    env,
    stdio: "inherit",
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnNext(args, env);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[0]} failed (exit ${code}).`))));
  });
}

/** SIGTERM, then wait: Next drains in-flight requests, the worker finishes its jobs, before they exit. */
function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

main().catch((error: unknown) => {
  console.error(`[gusset] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
