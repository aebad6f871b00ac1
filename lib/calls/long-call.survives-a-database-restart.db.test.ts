import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, ensureDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";
import { install } from "@/lib/installation/install";
import { migrateQueue } from "@/lib/jobs/migrate-queue";
import { startWorker, type RunningWorker } from "@/lib/jobs/start-worker";
import { startLongCall } from "./start-long-call";
import { started } from "./test-support/started";
import { SLOW_TYPE, slowInstallation } from "./test-support/slow-controller";

// A PostgreSQL restart in the middle of a long call used to fail it for good ("Something went
// wrong"): memoize held a transaction through the computation, and the outcome's write failed
// once. Calls are stateless: one whose database dropped out runs again, or, when it had already
// computed, has its outcome written once the server is back. This file runs a server of its own,
// since it stops it (the other files share theirs).

const dir = path.join(process.cwd(), ".data", `test-restart-${process.pid}`);
let server: EmbeddedDatabase;
let worker: RunningWorker;
let userId: string;
let entityId: string;

beforeAll(async () => {
  server = await startEmbeddedDatabase(dir);
  await ensureDatabase(server.serverUrl, "gusset");
  const url = databaseUrl(server.serverUrl, "gusset");
  await migrate(url);
  await migrateQueue(url);
  // The pool reads DATABASE_URL when it connects: from here on, this file's server.
  process.env.DATABASE_URL = url;
  userId = randomUUID();
  entityId = randomUUID();
  await pool.query(`INSERT INTO "user" (id, name, email, roles) VALUES ($1, 'Restart', $2, '{engineer}')`, [
    userId,
    `restart-${userId}@example.test`,
  ]);
  await pool.query(`INSERT INTO entity (id, type, name, params, "ownerId") VALUES ($1, $2, 'Slow one', '{}', $3)`, [
    entityId,
    SLOW_TYPE,
    userId,
  ]);
  worker = await startWorker({
    registry: install(slowInstallation).flows,
    services: {
      storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
      compute: { call: () => Promise.reject(new Error("no compute")) },
      faults: { isOn: async () => false },
    },
    concurrency: 1,
    longCallConcurrency: 1,
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await pool.end();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

type Row = { status: string; attempts: number; failure: unknown; result: unknown };
const rowOf = async (id: string) =>
  (await pool.query<Row>(`SELECT status, attempts, failure, result FROM long_call WHERE id = $1`, [id])).rows[0]!;

/** Polls the call's row until `done` says so (the database may be down meanwhile). */
async function waitFor(id: string, done: (row: Row) => boolean, timeoutMs = 90_000): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await rowOf(id).catch(() => null);
    if (row && done(row)) return row;
    if (Date.now() > deadline) throw new Error(`call ${id} is still ${row?.status ?? "unreadable"}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function restart(downMs: number): Promise<void> {
  await server.stop();
  await new Promise((resolve) => setTimeout(resolve, downMs));
  server = await startEmbeddedDatabase(dir);
}

const call = (params: Record<string, number>) =>
  started(
    startLongCall(pool, {
      userId,
      entityId,
      kind: "view",
      name: "slow",
      params: { steps: 10, stepMs: 100, userErrorAt: 0, readAt: 0, ...params },
    }),
  );

describe("a long call across a PostgreSQL restart", () => {
  it("that computed while the server was down has its result written once it is back", { timeout: 150_000 }, async () => {
    const id = await call({ steps: 10, stepMs: 100 });
    await waitFor(id, (row) => row.status === "running");
    // Down for longer than the call takes to compute: its outcome waits for the server.
    await restart(2_500);
    const row = await waitFor(id, (r) => r.status === "done");
    expect(row).toMatchObject({
      status: "done",
      attempts: 1,
      failure: null,
      result: { kind: "data", items: [{ label: "Steps done", value: 10 }] },
    });
  });

  it("whose own reads failed while the server was down runs again, from the start, and ends done", { timeout: 150_000 }, async () => {
    // The view reads the database at step 8, a second into the call: the server is down then.
    const id = await call({ steps: 12, stepMs: 100, readAt: 8 });
    await waitFor(id, (row) => row.status === "running");
    await restart(2_000);
    const row = await waitFor(id, (r) => r.status === "done");
    expect(row).toMatchObject({ status: "done", failure: null, result: { kind: "data", items: [{ label: "Steps done", value: 12 }] } });
    expect(row.attempts).toBe(2);
  });
});
