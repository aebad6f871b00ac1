import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, signIn } from "./helpers";
import { createEntity } from "./views-helpers";

// Issue 6, stateless across processes: a second `next start` (instance B) beside the launcher's
// (instance A), on the same PostgreSQL with the same secrets, as a second machine behind a load
// balancer would run. A session made on A works on B; the beam's full analysis computed through A
// is served by B from the memo table without computing again; a file uploaded through A
// downloads through B. B is stopped at the end, whatever happened.

test.describe.configure({ mode: "serial" });

const dataDir = `.data/e2e-${process.env.E2E_PORT}`;
const instanceA = `http://localhost:${process.env.E2E_PORT}`;
let instanceB = "";
let second: ChildProcess | null = null;
let secondLog = "";
const killSecond = () => second?.kill("SIGKILL");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  instanceB = `http://localhost:${port}`;
  // What the launcher gives its Next (scripts/start.ts), but another port: the same database,
  // secrets, public URL and build.
  const secrets = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as {
    BETTER_AUTH_SECRET: string;
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
  };
  second = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        ...secrets,
        DATABASE_URL: e2eDatabaseUrl(),
        BETTER_AUTH_URL: instanceA,
        PORT: String(port),
        GUSSET_DIST_DIR: process.env.GUSSET_DIST_DIR ?? ".next",
        GUSSET_SIGN_IN_LIMIT_ADDRESS: "1000",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  process.once("exit", killSecond); // should the runner itself die
  const child = second;
  child.stdout!.on("data", (chunk: Buffer) => (secondLog += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (secondLog += chunk.toString()));
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`Instance B exited with ${child.exitCode}:\n${secondLog}`);
        return (await fetch(`${instanceB}/sign-in`).catch(() => null))?.status;
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  const child = second;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(forced);
  process.off("exit", killSecond);
});

test("a session, a memoized full analysis and an uploaded file made through one instance are served by another on the same database", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    // Signed in on A; the session cookie (host-only, any port) reaches B, which finds it in PostgreSQL.
    await signIn(page, "engineer", "/editor");
    const name = `Twin ${Date.now().toString(36)}`;
    const entityUrl = await createEntity(page, "beam", name);
    const id = new URL(entityUrl).pathname.split("/").at(-1)!;
    await page.goto(`${instanceB}/editor/${id}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    // The full analysis through A, on a point load no other test uses, so its memo entry is new.
    const { rows: saved } = await db.query<{ params: { loads: Record<string, unknown> } }>(`SELECT params FROM entity WHERE id = $1`, [id]);
    const force = 40 + Math.round(Math.random() * 10_000) / 1000;
    const params = { ...saved[0]!.params, loads: { ...saved[0]!.params.loads, pointLoads: [{ x: 3, F: force }] } };
    const memo = async () =>
      (
        await db.query<{ key: string; createdAt: Date; usedAt: Date }>(
          `SELECT key, "createdAt", "usedAt" FROM memo_entry WHERE name = 'beam.fullAnalysis' ORDER BY key`,
        )
      ).rows;
    const before = await memo();
    const viewCall = (instance: string) =>
      page.request.post(`${instance}/api/entities/${id}/views/fullAnalysis`, {
        data: { params },
        headers: { Origin: instance },
        timeout: 120_000,
      });

    const throughA = await viewCall(instanceA);
    expect(throughA.status()).toBe(200);
    const answerA = (await throughA.json()) as { ok: boolean; value: unknown };
    expect(answerA).toMatchObject({ ok: true, value: { kind: "combined" } });
    const afterA = await memo();
    expect(afterA).toHaveLength(before.length + 1);
    const entry = afterA.find((row) => !before.some((old) => old.key === row.key))!;
    // Back-date its last use: a read through B moves it forward, a computation would replace createdAt.
    await db.query(`UPDATE memo_entry SET "usedAt" = now() - interval '10 minutes' WHERE key = $1`, [entry.key]);

    const throughB = await viewCall(instanceB);
    expect(throughB.status()).toBe(200);
    expect(await throughB.json()).toEqual(answerA);
    await expect
      .poll(async () => (await memo()).find((row) => row.key === entry.key)!.usedAt.getTime(), { timeout: 10_000 })
      .toBeGreaterThan(Date.now() - 60_000);
    const afterB = await memo();
    expect(afterB).toHaveLength(afterA.length);
    expect(afterB.find((row) => row.key === entry.key)!.createdAt).toEqual(entry.createdAt);

    // A file uploaded through A downloads through B: its bytes live in PostgreSQL, not on A's disk.
    const pdf = Buffer.from(`%PDF-1.4\n% uploaded through instance A, ${name}\n`);
    const upload = await page.request.post(`${instanceA}/api/files`, {
      multipart: { type: "project", field: "drawing", file: { name: "twin.pdf", mimeType: "application/pdf", buffer: pdf } },
      headers: { Origin: instanceA },
    });
    expect(upload.status()).toBe(201);
    const { value: file } = (await upload.json()) as { value: { fileId: string } };
    const download = await page.request.get(`${instanceB}/api/files/${file.fileId}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain('filename="twin.pdf"');
    expect(Buffer.from(await download.body())).toEqual(pdf);
  } finally {
    await db.end();
  }
});
