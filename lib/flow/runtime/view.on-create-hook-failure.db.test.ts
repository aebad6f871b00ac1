import { beforeAll, describe, expect, it } from "vitest";
import type { JobServices } from "./run-job";
import { cancelTask, checkInvariants, completeTask, reviveTask, runJob, startProcess, startProcessFromCode } from "./index";
import { created } from "./test-support/flows";
import { makeUsers, processRow, refOf, registry, snapshot, taskAt } from "./test-support/setup";

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
const services: JobServices = {
  storageFor: () => ({ put: () => Promise.reject(new Error("none")), get: async () => null }),
  compute: { call: () => Promise.reject(new Error("none")) },
  faults: { isOn: async () => false },
};
beforeAll(async () => {
  users = await makeUsers();
});

async function runToCheck(failOnCreate: boolean) {
  const { processId } = await startProcessFromCode(
    { flow: "test-job-then-view" },
    { data: { failOnCreate }, userId: users.engineer.id },
    options,
  );
  const work = await taskAt(processId, "work");
  expect(await runJob({ taskId: work.id, processId, flowName: "test-job-then-view" }, { ...options, services })).toBe("done");
  return processId;
}

describe("a view's onCreate hook", () => {
  it("runs in the transaction that creates the task, with the task's id", async () => {
    const processId = await runToCheck(false);
    const check = await taskAt(processId, "check");
    expect(check).toMatchObject({ status: "new", ownerRole: "reviewer" });
    expect(created).toContain(check.id);
  });

  it("that throws after a person's task rolls the whole completion back", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "x" }, options);
    const review = await taskAt(processId, "review");
    const before = await snapshot();
    await expect(completeTask(users.reviewer, refOf(review), { approved: false, note: "fail on create" }, options)).rejects.toMatchObject({
      code: "handler_failed",
      userMessage: 'The step "Rework" failed: could not notify the engineer',
    });
    expect(await snapshot()).toEqual(before);
  });

  it("that throws after a job leaves the new task in error, with its stack, for the admin error queue", async () => {
    const processId = await runToCheck(true);
    const check = await taskAt(processId, "check");
    expect(check).toMatchObject({ status: "error", error: { message: "could not tell the reviewers" } });
    expect(await taskAt(processId, "work")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "error", data: { failOnCreate: true, done: true } });
    // It never reached the reviewers' queue: no reviewer may do it.
    await expect(completeTask(users.reviewer, refOf(check), {}, options)).rejects.toMatchObject({ code: "forbidden" });

    // What the admin error queue (lib/flow/inbox) shows: the message and stack on the task, the process data.
    expect(check.error).toMatchObject({ message: "could not tell the reviewers", stack: expect.stringContaining("flows.ts") });

    // Still failing on retry: refused, nothing changes. Canceled: nothing open, the process ends.
    await expect(reviveTask(users.admin, refOf(check), options)).rejects.toMatchObject({ code: "handler_failed" });
    await cancelTask(users.admin, refOf(check), options);
    expect(await processRow(processId)).toMatchObject({ status: "canceled" });
    expect(await checkInvariants()).toEqual([]);
  });
});
