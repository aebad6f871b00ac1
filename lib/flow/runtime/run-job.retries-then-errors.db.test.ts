import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { JobServices } from "./run-job";
import { cancelTask, checkInvariants, reviveTask, runJob, startProcessFromCode } from "./index";
import { outage } from "./test-support/flows";
import { makeUsers, processRow, refOf, registry, snapshot, taskAt, trail } from "./test-support/setup";

// The seed's second strategy: a job's result commits as soon as the job ends; a node after it that
// fails is saved in error for the admin. A job that throws is retried after its backoff, then
// fails into the error queue. Here the worker's part is called directly, with time as an input.

let users: Awaited<ReturnType<typeof makeUsers>>;
const services: JobServices = {
  storageFor: () => ({ put: async () => Promise.reject(new Error("no storage in this test")), get: async () => null }),
  compute: { call: async () => Promise.reject(new Error("no compute in this test")) },
  faults: { isOn: async () => false },
};
const at = (time: string) => ({ registry, services, now: new Date(time) });
beforeAll(async () => {
  users = await makeUsers();
});

async function start(data: { failTimes: number; failAfter: boolean }) {
  const { processId } = await startProcessFromCode({ flow: "test-job" }, { data, userId: users.engineer.id }, { registry });
  const task = await taskAt(processId, "work");
  return { processId, task, payload: { taskId: task.id, processId, flowName: "test-job" } };
}

type QueueJob = { key: string | null; run_at: Date; max_attempts: number; payload: unknown };
async function queueJobs(taskId: string): Promise<QueueJob[]> {
  return db.$queryRawUnsafe<QueueJob[]>(
    `SELECT key, run_at, max_attempts, payload FROM graphile_worker._private_jobs WHERE payload->>'taskId' = $1 ORDER BY id`,
    taskId,
  );
}

describe("a job task", () => {
  it("is scheduled, with its queue job, in the transaction that creates it", async () => {
    const { task } = await start({ failTimes: 0, failAfter: false });
    expect(task).toMatchObject({ status: "scheduled", attempts: 0 });
    expect(await queueJobs(task.id)).toEqual([
      {
        key: `flow-task:${task.id}`,
        run_at: expect.any(Date),
        max_attempts: 10,
        payload: { taskId: task.id, processId: task.processId, flowName: "test-job" },
      },
    ]);
  });

  it("completes with its patch and runs the nodes after it", async () => {
    const { processId, payload } = await start({ failTimes: 0, failAfter: false });
    expect(await runJob(payload, at("2030-01-01T12:00:00Z"))).toBe("done");
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { result: "ok on attempt 1" } });
    expect(await taskAt(processId, "work")).toMatchObject({ status: "done", attempts: 1 });
    expect(await checkInvariants()).toEqual([]);
  });

  it("is retried after its backoff when it throws, and succeeds on a later attempt", async () => {
    const { processId, payload, task } = await start({ failTimes: 2, failAfter: false });
    expect(await runJob(payload, at("2030-01-01T12:00:00Z"))).toBe("rescheduled");
    expect(await taskAt(processId, "work")).toMatchObject({
      status: "scheduled",
      attempts: 1,
      error: { message: "attempt 1 failed", attempts: 1 },
    });
    const [retry] = await queueJobs(task.id);
    expect(retry?.run_at.toISOString()).toBe("2030-01-01T12:00:01.000Z");
    expect(await runJob(payload, at("2030-01-01T12:00:01Z"))).toBe("rescheduled");
    expect(await runJob(payload, at("2030-01-01T12:00:02Z"))).toBe("done");
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { result: "ok on attempt 3" } });
    expect(await checkInvariants()).toEqual([]);
  });

  it("lands in the error queue, with its stack, once its retries are spent", async () => {
    const { processId, payload } = await start({ failTimes: 9, failAfter: false });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await runJob(payload, at(`2030-01-01T12:00:0${i}Z`)));
    expect(outcomes).toEqual(["rescheduled", "rescheduled", "failed"]);
    const work = await taskAt(processId, "work");
    expect(work).toMatchObject({
      status: "error",
      attempts: 3,
      error: { message: "attempt 3 failed", attempts: 3, stack: expect.stringContaining("attempt 3 failed") },
    });
    expect(await processRow(processId)).toMatchObject({ status: "error" });
    expect(await checkInvariants()).toEqual([]);
    // A further delivery of the same job (at least once) finds nothing to do.
    expect(await runJob(payload, at("2030-01-01T12:00:09Z"))).toBe("skipped");
  });

  it("is revived by an admin as a fresh job with its attempts from zero", async () => {
    outage.on = true;
    const { processId, payload } = await start({ failTimes: 0, failAfter: false });
    for (let i = 0; i < 3; i++) await runJob(payload, at(`2030-01-01T12:00:0${i}Z`));
    const failed = await taskAt(processId, "work", "error");
    outage.on = false;
    const { taskId } = await reviveTask(users.admin, refOf(failed), { registry });
    expect(await taskAt(processId, "work", "scheduled")).toMatchObject({ id: taskId, attempts: 0, revivedFromId: failed.id });
    expect(await processRow(processId)).toMatchObject({ status: "running" });
    expect(await runJob({ ...payload, taskId }, at("2030-01-01T13:00:00Z"))).toBe("done");
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });

  it("does nothing when its task was canceled before the queue delivered it", async () => {
    const { processId, payload, task } = await start({ failTimes: 0, failAfter: false });
    await cancelTask(users.admin, refOf(task), { registry });
    expect(await runJob(payload, at("2030-01-01T12:00:00Z"))).toBe("skipped");
    expect(await processRow(processId)).toMatchObject({ status: "canceled" });
  });
});

describe("a node after a job that fails", () => {
  it("is saved in error with its stack while the job's result stands", async () => {
    const { processId, payload } = await start({ failTimes: 0, failAfter: true });
    expect(await runJob(payload, at("2030-01-01T12:00:00Z"))).toBe("done");
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["work", "done"],
      ["after", "error"],
    ]);
    expect(await processRow(processId)).toMatchObject({ status: "error", data: { result: "ok on attempt 1" } });
    const after = await taskAt(processId, "after");
    expect(after.error).toMatchObject({ message: "the step after the job failed", stack: expect.stringContaining("flows.ts") });
    expect(await checkInvariants()).toEqual([]);

    // Retrying it runs the handler again, which still fails: refused, nothing changes.
    const before = await snapshot();
    await expect(reviveTask(users.admin, refOf(after), { registry })).rejects.toMatchObject({ code: "handler_failed" });
    expect(await snapshot()).toEqual(before);
    // Canceling it leaves nothing open: the process is canceled.
    await cancelTask(users.admin, refOf(after), { registry });
    expect(await processRow(processId)).toMatchObject({ status: "canceled" });
    expect(await checkInvariants()).toEqual([]);
  });
});
