import { beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, completeTask, startProcess } from "./index";
import { makeUsers, refOf, registry, snapshot, taskAt } from "./test-support/setup";

// The seed's first strategy: completing a view runs it and every synchronous node after it in one
// transaction. Here the handler after the review throws: nothing may change, the task stays the
// reviewer's, and the reviewer is told which step failed and why.

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
beforeAll(async () => {
  users = await makeUsers();
});

describe("a handler that throws after a view", () => {
  it("rolls the whole completion back and shows the reviewer the message", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "x" }, options);
    const review = await taskAt(processId, "review");
    const before = await snapshot();

    const attempt = completeTask(users.reviewer, refOf(review), { approved: true, boom: true }, options);
    await expect(attempt).rejects.toMatchObject({
      code: "handler_failed",
      userMessage: 'The step "Stamp" failed: the stamp jammed',
    });

    // Not even the implicit claim survived: the task is back in the queue, untouched.
    expect(await snapshot()).toEqual(before);
    expect(await taskAt(processId, "review")).toMatchObject({ status: "new", assigneeId: null });

    // Without the failure, the same reviewer completes it.
    await completeTask(users.reviewer, refOf(review), { approved: true }, options);
    expect(await taskAt(processId, "done")).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });

  it("also rolls back a claimed and opened task to exactly that", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "y" }, options);
    const review = await taskAt(processId, "review");
    const { assignTask, startTask } = await import("./index");
    await assignTask(users.reviewer, refOf(review), options);
    await startTask(users.reviewer, refOf(review), options);
    const before = await snapshot();
    await expect(completeTask(users.reviewer, refOf(review), { approved: false, boom: true }, options)).rejects.toMatchObject({
      code: "handler_failed",
    });
    expect(await snapshot()).toEqual(before);
    expect(await taskAt(processId, "review")).toMatchObject({ status: "started", assigneeId: users.reviewer.id });
  });
});
