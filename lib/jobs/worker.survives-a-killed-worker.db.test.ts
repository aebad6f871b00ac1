import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkInvariants } from "@/lib/flow/runtime/check-invariants";
import { startProcessFromCode } from "@/lib/flow/runtime/start-process-from-code";
import { makeUser, processRow, registry, taskAt } from "@/lib/flow/runtime/test-support/setup";

// Real worker processes (lib/jobs/test-support/worker-with-test-flows.ts) against this file's
// database. A worker killed with SIGKILL mid-job leaves the job locked in the queue; graphile-worker
// alone would hand it out again only after 4 hours. The heartbeat of a second worker hands it back
// once the first has been silent for 3 s, and the process completes.

let engineerId: string;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  engineerId = (await makeUser(["engineer"])).id;
});

afterEach(async () => {
  // A test must not leave a worker behind.
  for (const child of running) {
    child.kill("SIGKILL");
    await exitOf(child);
  }
  running.clear();
});

function spawnWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/test-support/worker-with-test-flows.ts"], {
    env: { ...process.env, GUSSET_WORKER_HEARTBEAT_MS: "300", GUSSET_WORKER_STALE_MS: "3000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(child);
  const events: { event: string; outcome?: string; taskId?: string }[] = [];
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) events.push(JSON.parse(line) as (typeof events)[number]);
  });
  return { child, events };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function startJob(data: { failTimes: number; sleepMs?: number }) {
  const { processId } = await startProcessFromCode(
    { flow: "test-job" },
    { data: { failAfter: false, ...data }, userId: engineerId },
    { registry },
  );
  return { processId, task: await taskAt(processId, "work") };
}

const queueRows = (taskId: string) =>
  db.$queryRawUnsafe<{ locked_by: string | null; attempts: number }[]>(
    `SELECT locked_by, attempts FROM graphile_worker._private_jobs WHERE payload->>'taskId' = $1`,
    taskId,
  );

describe("a job worker", () => {
  it(
    "killed with SIGKILL mid-job leaves the job to be retried by another worker, and the process completes",
    { timeout: 60_000 },
    async () => {
      const { processId, task } = await startJob({ failTimes: 0, sleepMs: 60_000 });
      const first = spawnWorker();
      await expect.poll(async () => (await taskAt(processId, "work")).status, { timeout: 20_000, interval: 100 }).toBe("started");
      first.child.kill("SIGKILL");
      await exitOf(first.child);
      running.delete(first.child);
      expect(await queueRows(task.id)).toEqual([{ locked_by: expect.stringMatching(/^pool-/), attempts: 1 }]);

      const second = spawnWorker();
      await expect.poll(async () => (await processRow(processId)).status, { timeout: 30_000, interval: 200 }).toBe("done");
      expect(await taskAt(processId, "work")).toMatchObject({ status: "done", attempts: 2 });
      expect(await processRow(processId)).toMatchObject({ data: { result: "ok on attempt 2" } });
      second.child.kill("SIGTERM");
      expect(await exitOf(second.child)).toBe(0);
      running.delete(second.child);
      expect(await queueRows(task.id)).toEqual([]);
      expect(await checkInvariants()).toEqual([]);
    },
  );

  it("retries a job that throws after its backoff, then completes it", { timeout: 30_000 }, async () => {
    const { processId, task } = await startJob({ failTimes: 1 });
    const worker = spawnWorker();
    await expect.poll(async () => (await processRow(processId)).status, { timeout: 20_000, interval: 100 }).toBe("done");
    expect(worker.events.filter((e) => e.taskId === task.id).map((e) => e.outcome)).toEqual(["rescheduled", "done"]);
    expect(await processRow(processId)).toMatchObject({ data: { result: "ok on attempt 2" } });
    worker.child.kill("SIGTERM");
    expect(await exitOf(worker.child)).toBe(0);
    running.delete(worker.child);
  });

  it("on SIGTERM finishes the job it is running and records its completion before it exits", { timeout: 30_000 }, async () => {
    // shared/notes/integration.md, trap 7: graphile-worker lost the completion of a job that ended
    // during shutdown, so it would have run again 4 hours later.
    const { processId, task } = await startJob({ failTimes: 0, sleepMs: 1_500 });
    const worker = spawnWorker();
    await expect.poll(async () => (await taskAt(processId, "work")).status, { timeout: 20_000, interval: 50 }).toBe("started");
    worker.child.kill("SIGTERM");
    expect(await exitOf(worker.child)).toBe(0);
    running.delete(worker.child);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await queueRows(task.id)).toEqual([]);
  });
});
