import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import { chmod, mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Connects once to an external DATABASE_URL, or throws one line naming the host and the reason. */
export async function connectOrExplain(url: string): Promise<void> {
  let host = "the database";
  try {
    host = new URL(url).host;
  } catch {
    throw new Error("DATABASE_URL is not a valid postgresql:// URL.");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new Error(`Cannot reach PostgreSQL at ${host}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

type Secrets = { BETTER_AUTH_SECRET: string; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string };

/**
 * The auth secret and the server-action key. Taken from the environment when
 * set (several instances must share them: docs/deployment.md); otherwise made once and
 * kept in <data>/secrets.json — except for a production start on an external
 * database, which must be given them.
 */
export async function ensureSecrets(dataDir: string, { production }: { production: boolean }): Promise<Secrets> {
  const given = {
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
  };
  if (given.BETTER_AUTH_SECRET && given.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return given as Secrets;
  if (production) {
    throw new Error(
      "A production start needs BETTER_AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (see docs/deployment.md, A production start).",
    );
  }
  const file = path.join(dataDir, "secrets.json");
  let kept: Partial<Secrets> = {};
  if (existsSync(file)) kept = JSON.parse(await readFile(file, "utf8")) as Partial<Secrets>;
  const secrets: Secrets = {
    BETTER_AUTH_SECRET: given.BETTER_AUTH_SECRET ?? kept.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
      given.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? kept.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2));
  await chmod(file, 0o600);
  return secrets;
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "definitions",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

/** True when <distDir>/BUILD_ID is missing or older than any source file. */
export async function needsBuild(distDir: string): Promise<boolean> {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = (await stat(buildId)).mtimeMs;
  for (const source of SOURCES) {
    if (existsSync(source) && (await newestMtime(source)) > built) return true;
  }
  return false;
}

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith(".test.ts") || entry.name.endsWith(".test.tsx")) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Polls until the URL answers (any status), so "Ready" means a page can be served. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/**
 * One launcher per data folder: a second `npm start` on the same folder stops
 * with a clear line instead of sharing (and later stopping) the first one's
 * database. A pid file left by a killed launcher is taken over.
 */
export async function claimDataDir(dataDir: string): Promise<() => void> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, "launcher.pid");
  if (existsSync(file)) {
    const pid = Number((await readFile(file, "utf8")).trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Gusset is already running on ${dataDir} (launcher pid ${pid}). Stop it first, or set GUSSET_DATA_DIR to another folder.`,
      );
    }
  }
  await writeFile(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
