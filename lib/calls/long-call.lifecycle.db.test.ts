import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamLine } from "@/lib/controller/ndjson";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { install } from "@/lib/installation/install";
import { makeUser } from "@/lib/flow/runtime/test-support/setup";
import { startWorker, type RunningWorker } from "@/lib/jobs/start-worker";
import { CALL_NOT_FOUND, followLongCall } from "./follow-long-call";
import { LONG_CALL_TASK, MAX_RUNS } from "./long-call";
import { readLongCall } from "./read-long-call";
import { requestCallCancel } from "./request-call-cancel";
import { respondWithNewLongCall } from "./respond-with-long-call";
import { startLongCall } from "./start-long-call";
import { started } from "./test-support/started";
import { SLOW_TYPE, slowInstallation } from "./test-support/slow-controller";

// A slow view or long button started as the route starts it (row and job in one statement), run by a
// real worker on this file's database, followed as the route follows it (NOTIFY, the row first).

let worker: RunningWorker;
let owner: string;
let stranger: string;
let entityId: string;

beforeAll(async () => {
  owner = (await makeUser(["engineer"], "owner")).id;
  stranger = (await makeUser(["engineer"], "stranger")).id;
  entityId = randomUUID();
  await db.entity.create({ data: { id: entityId, type: SLOW_TYPE, name: "Slow one", params: {}, ownerId: owner } });
  worker = await startWorker({
    registry: install(slowInstallation).flows,
    services: {
      storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
      compute: { call: () => Promise.reject(new Error("no compute")) },
      faults: { isOn: async () => false },
    },
    concurrency: 1,
    longCallConcurrency: 2,
  });
});

afterAll(async () => {
  await worker.stop();
  await pool.end();
});

const start = (params: Record<string, number>, kind: "view" | "button" = "view") =>
  started(
    startLongCall(pool, {
      userId: owner,
      entityId,
      kind,
      name: kind === "view" ? "slow" : "long",
      params: { steps: 10, stepMs: 10, userErrorAt: 0, ...params },
    }),
  );

/** Follows a call to its end (at most 20 s), calling `onLine` on each line. */
async function follow(userId: string, callId: string, onLine?: (line: StreamLine) => void | Promise<void>): Promise<StreamLine[]> {
  const lines: StreamLine[] = [];
  const signal = AbortSignal.timeout(20_000);
  for await (const line of followLongCall(pool, userId, callId, { signal })) {
    lines.push(line);
    await onLine?.(line);
  }
  return lines;
}

const row = (id: string) => db.longCall.findUniqueOrThrow({ where: { id } });

describe("a long call", () => {
  it("runs in the worker: the follower gets its id, progress as it goes, and the result last", { timeout: 30_000 }, async () => {
    const id = await start({ steps: 20, stepMs: 40 });
    const lines = await follow(owner, id);
    expect(lines[0]).toEqual({ call: id });
    expect(lines.at(-1)).toEqual({ ok: true, value: { kind: "data", items: [{ label: "Steps done", value: 20 }] } });
    const progress = lines.filter((line): line is { progress: number; message?: string } => "progress" in line);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.some((line) => /^Step \d+ of 20$/.test(line.message ?? ""))).toBe(true);
    const fractions = progress.map((line) => line.progress);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(await row(id)).toMatchObject({
      status: "done",
      progress: 1,
      attempts: 1,
      failure: null,
      cancelRequested: false,
      finishedAt: expect.any(Date),
    });
  });

  it("a long button runs the same way", { timeout: 30_000 }, async () => {
    const id = await start({ steps: 3 }, "button");
    expect((await follow(owner, id)).at(-1)).toEqual({ ok: true, value: { kind: "action", message: "Did 3 steps." } });
  });

  it("ends failed with a UserError shown as such, and with input failures by field", { timeout: 30_000 }, async () => {
    const userError = await start({ steps: 10, userErrorAt: 3 });
    expect((await follow(owner, userError)).at(-1)).toEqual({
      ok: false,
      failure: { code: "refused", message: "Step 3 cannot be done with these params.", fields: [] },
    });
    expect(await row(userError)).toMatchObject({ status: "failed", result: null, failure: { code: "refused" } });

    const badInput = await start({ steps: 0 });
    expect((await follow(owner, badInput)).at(-1)).toEqual({
      ok: false,
      failure: { code: "invalid_input", message: expect.stringMatching(/Steps/), fields: [{ path: "steps", message: expect.any(String) }] },
    });
  });

  it(
    "cancelled while running: the worker sees the request, aborts the view's signal, and the call ends cancelled",
    { timeout: 30_000 },
    async () => {
      const id = await start({ steps: 1_000, stepMs: 20 });
      let asked = false;
      const lines = await follow(owner, id, async (line) => {
        if (!asked && "progress" in line && line.progress > 0) {
          asked = true;
          expect(await requestCallCancel(pool, owner, id)).toBe("requested");
        }
      });
      expect(lines.at(-1)).toEqual({ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } });
      const ended = await row(id);
      expect(ended).toMatchObject({ status: "cancelled", cancelRequested: true });
      expect(ended.progress).toBeLessThan(0.5); // it stopped: 1000 steps of 20 ms would take 20 s
      expect(await requestCallCancel(pool, owner, id)).toBe("finished");
    },
  );

  it(
    "superseded by the user's newer call of the same view on the same entity, ends cancelled; the newer runs",
    { timeout: 30_000 },
    async () => {
      // As in the browser, where a newer Update aborts the older request: the older must not hold a place.
      const older = await start({ steps: 1_000, stepMs: 20 });
      await follow(owner, older, async (line) => {
        if ("progress" in line && line.progress > 0) {
          const newer = await start({ steps: 2 });
          expect((await follow(owner, newer)).at(-1)).toMatchObject({ ok: true });
        }
      });
      expect(await row(older)).toMatchObject({ status: "cancelled", cancelRequested: true });
      expect((await row(older)).progress).toBeLessThan(0.5);
    },
  );

  it("cancelled while queued ends at once, and no worker runs it", { timeout: 30_000 }, async () => {
    // Made queued-looking by hand: inserted without a job.
    const id = randomUUID();
    await db.longCall.create({ data: { id, userId: owner, entityId, kind: "view", name: "slow", params: {} } });
    expect(await requestCallCancel(pool, owner, id)).toBe("requested");
    expect(await follow(owner, id)).toEqual([
      { call: id },
      { ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } },
    ]);
    expect(await row(id)).toMatchObject({ status: "cancelled", attempts: 0 });
  });

  it("is another user's to neither read, follow nor cancel: all three answer not found", { timeout: 30_000 }, async () => {
    const id = await start({ steps: 5, stepMs: 100 });
    expect(await readLongCall(pool, stranger, id)).toBeNull();
    expect(await follow(stranger, id)).toEqual([CALL_NOT_FOUND]);
    expect(await requestCallCancel(pool, stranger, id)).toBe("not_found");
    expect(await follow(owner, id)).toContainEqual({ ok: true, value: expect.objectContaining({ kind: "data" }) });
    expect(await row(id)).toMatchObject({ status: "done", cancelRequested: false });
  });

  it("a follower attaching after the end gets the stored outcome at once", { timeout: 30_000 }, async () => {
    const id = await start({ steps: 2 });
    await follow(owner, id);
    expect(await follow(owner, id)).toEqual([
      { call: id },
      { ok: true, value: { kind: "data", items: [{ label: "Steps done", value: 2 }] } },
    ]);
  });

  it("sent again with the same id follows the same call; another user's id starts nothing for them", { timeout: 30_000 }, async () => {
    const id = randomUUID();
    const call = { id, entityId, kind: "view", name: "slow", params: { steps: 3, stepMs: 10, userErrorAt: 0 } } as const;
    expect(await started(startLongCall(pool, { ...call, userId: owner }))).toBe(id);
    expect(await started(startLongCall(pool, { ...call, userId: owner }))).toBe(id);
    await started(startLongCall(pool, { ...call, userId: stranger }));
    expect(await follow(stranger, id)).toEqual([CALL_NOT_FOUND]);
    expect((await follow(owner, id)).at(-1)).toMatchObject({ ok: true });
    expect(await db.longCall.count({ where: { id } })).toBe(1);
    expect(await row(id)).toMatchObject({ userId: owner, attempts: 1 });
  });

  it("a request gone while its call was being queued (Cancel clicked at once) cancels the call", { timeout: 30_000 }, async () => {
    const id = randomUUID();
    const gone = new AbortController();
    gone.abort();
    const request = new Request("http://gusset.test/api/entities/x/views/slow", {
      method: "POST",
      signal: gone.signal,
      headers: { accept: "application/x-ndjson" },
    });
    await respondWithNewLongCall(request, pool, {
      id,
      userId: owner,
      entityId,
      kind: "view",
      name: "slow",
      params: { steps: 1_000, stepMs: 20, userErrorAt: 0 },
    });
    expect((await follow(owner, id)).at(-1)).toEqual({ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } });
    expect((await row(id)).progress).toBeLessThan(0.5);
  });

  it(
    "whose worker stopped during each of its runs is given up with an internal failure, not run a fourth time",
    { timeout: 30_000 },
    async () => {
      // What three crashed runs leave: the row running with 3 attempts, and the job delivered again.
      const id = randomUUID();
      await db.longCall.create({
        data: {
          id,
          userId: owner,
          entityId,
          kind: "view",
          name: "slow",
          params: { steps: 2, stepMs: 10, userErrorAt: 0 },
          status: "running",
          attempts: MAX_RUNS,
        },
      });
      await pool.query(`SELECT graphile_worker.add_job($1, json_build_object('callId', $2::text))`, [LONG_CALL_TASK, id]);
      expect((await follow(owner, id)).at(-1)).toEqual({
        ok: false,
        failure: {
          code: "internal",
          message: `The worker running this call stopped during each of its 3 runs, so it is not tried again (reference ${id.slice(0, 8)}).`,
          fields: [],
          reference: id.slice(0, 8),
        },
      });
      expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_RUNS });
    },
  );

  it("starting one removes its user's finished calls older than a day, and nothing else", { timeout: 30_000 }, async () => {
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    const old = (userId: string, status: string, createdAt: Date) =>
      db.longCall.create({ data: { id: randomUUID(), userId, entityId, kind: "view", name: "slow", params: {}, status, createdAt } });
    const expired = await old(owner, "done", dayAgo);
    const recent = await old(owner, "done", new Date());
    const stillRunning = await old(owner, "running", dayAgo);
    const strangers = await old(stranger, "failed", dayAgo);
    await follow(owner, await start({ steps: 1 }));
    const left = (
      await db.longCall.findMany({ where: { id: { in: [expired.id, recent.id, stillRunning.id, strangers.id] } }, select: { id: true } })
    ).map((r) => r.id);
    expect(left.sort()).toEqual([recent.id, stillRunning.id, strangers.id].sort());
    await db.longCall.deleteMany({ where: { id: stillRunning.id } });
  });
});
