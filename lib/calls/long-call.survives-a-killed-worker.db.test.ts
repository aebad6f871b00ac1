import { randomUUID } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StreamLine } from "@/lib/controller/ndjson";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { makeUser } from "@/lib/flow/runtime/test-support/setup";
import { followLongCall } from "./follow-long-call";
import { RESTARTED_MESSAGE, restartedProgressMessage, WAITING_MESSAGE } from "./long-call";
import { startLongCall } from "./start-long-call";
import { started } from "./test-support/started";
import { SLOW_TYPE } from "./test-support/slow-controller";

// Real worker processes (test-support/worker-with-slow-controller.ts) on this file's database. The
// first is SIGKILLed mid-call: its job stays locked until the second worker's heartbeat sees the
// first silent for 3 s and hands the job back; the second runs the call again from the start. A
// client following the call (the function the route streams) sees progress stop, start again, and
// the result, on one unbroken stream.

const running = new Set<ChildProcess>();
let owner: string;
let entityId: string;

beforeAll(async () => {
  owner = (await makeUser(["engineer"], "owner")).id;
  entityId = randomUUID();
  await db.entity.create({ data: { id: entityId, type: SLOW_TYPE, name: "Slow one", params: {}, ownerId: owner } });
});

afterEach(async () => {
  for (const child of running) {
    child.kill("SIGKILL");
    await exitOf(child);
  }
  running.clear();
});

afterAll(() => pool.end());

function spawnWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/calls/test-support/worker-with-slow-controller.ts"], {
    env: { ...process.env, GUSSET_WORKER_HEARTBEAT_MS: "300", GUSSET_WORKER_STALE_MS: "3000" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  running.add(child);
  return child;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("a long call whose worker is killed", () => {
  it(
    "is run again by another worker after the heartbeat hands its job back, and its follower sees progress resume to the result",
    { timeout: 90_000 },
    async () => {
      const callId = await started(
        startLongCall(pool, {
          userId: owner,
          entityId,
          kind: "view",
          name: "slow",
          params: { steps: 40, stepMs: 100, userErrorAt: 0 },
        }),
      );
      const first = spawnWorker();
      const lines: { at: number; line: StreamLine }[] = [];
      let killedAt = 0;
      let second: ChildProcess | null = null;

      for await (const line of followLongCall(pool, owner, callId, { signal: AbortSignal.timeout(80_000) })) {
        lines.push({ at: Date.now(), line });
        if (!killedAt && "progress" in line && line.progress >= 0.3) {
          first.kill("SIGKILL");
          await exitOf(first);
          running.delete(first);
          killedAt = Date.now();
          second = spawnWorker();
        }
      }

      expect(killedAt).toBeGreaterThan(0);
      expect(lines[0]!.line).toEqual({ call: callId });
      expect(lines.at(-1)!.line).toEqual({ ok: true, value: { kind: "data", items: [{ label: "Steps done", value: 40 }] } });
      const progress = lines.flatMap(({ at, line }) => ("progress" in line ? [{ at, ...line }] : []));
      const restart = progress.findIndex((line) => line.message === RESTARTED_MESSAGE);
      expect(restart).toBeGreaterThan(0);
      // Before the restart: the first worker's progress, up to the kill.
      expect(Math.max(...progress.slice(0, restart).map((line) => line.progress))).toBeGreaterThanOrEqual(0.3);
      // The restart: from zero, no earlier than the stale time after the kill.
      expect(progress[restart]!.progress).toBe(0);
      expect(progress[restart]!.at - killedAt).toBeGreaterThanOrEqual(2_500);
      // After it: progress climbs again, step by step, saying it started again.
      const after = progress.slice(restart + 1);
      expect(after[0]!.message).toBe(restartedProgressMessage("Step 1 of 40")); // the first report is written at once
      expect(after.some((line) => /^Step \d+ of 40 /.test(line.message ?? "") && line.progress < 0.3)).toBe(true);
      expect(after.every((line) => line.message?.endsWith("(started again: the worker running it stopped)"))).toBe(true);
      expect(after.map((line) => line.progress)).toEqual([...after.map((line) => line.progress)].sort((a, b) => a - b));
      expect(await db.longCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ status: "done", attempts: 2, progress: 1 });

      second!.kill("SIGTERM");
      expect(await exitOf(second!)).toBe(0);
      running.delete(second!);
      const jobs = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM graphile_worker._private_jobs WHERE payload->>'callId' = $1`, callId);
      expect(jobs).toEqual([]);
    },
  );

  it(
    "stopped with SIGTERM mid-call hands the call back to the queue within graphile-worker's 5 s abort, and the next worker runs it to the result",
    { timeout: 90_000 },
    async () => {
      const callId = await started(
        startLongCall(pool, {
          userId: owner,
          entityId,
          kind: "view",
          name: "slow",
          params: { steps: 100, stepMs: 100, userErrorAt: 0 },
        }),
      );
      const first = spawnWorker();
      const lines: StreamLine[] = [];
      let stoppedAt = 0;
      for await (const line of followLongCall(pool, owner, callId, { signal: AbortSignal.timeout(80_000) })) {
        lines.push(line);
        if (!stoppedAt && "progress" in line && line.progress >= 0.1) {
          stoppedAt = Date.now();
          first.kill("SIGTERM");
          expect(await exitOf(first)).toBe(0);
          running.delete(first);
          expect(Date.now() - stoppedAt).toBeLessThan(9_000);
          expect(await db.longCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({
            status: "queued",
            message: WAITING_MESSAGE,
            attempts: 1,
          });
          spawnWorker();
        }
      }
      expect(lines).toContainEqual({ progress: 0, message: WAITING_MESSAGE });
      expect(lines.at(-1)).toEqual({ ok: true, value: { kind: "data", items: [{ label: "Steps done", value: 100 }] } });
      expect(await db.longCall.findUniqueOrThrow({ where: { id: callId } })).toMatchObject({ status: "done", attempts: 2 });
    },
  );
});
