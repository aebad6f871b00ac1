import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  assignTask,
  cancelTask,
  checkInvariants,
  completeTask,
  reviveTask,
  startProcess,
  startProcessFromCode,
  startTask,
  undoTask,
} from "./index";
import { makeUsers, processRow, refOf, registry, snapshot, taskAt, trail } from "./test-support/setup";

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
beforeAll(async () => {
  users = await makeUsers();
});

async function review(text: string) {
  const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text }, options);
  return { processId, task: await taskAt(processId, "review") };
}

describe("a task whose node the flow no longer has", () => {
  it("shows as obsolete: only an admin's cancel is allowed", async () => {
    const { processId, task } = await review("to be removed");
    // The reference's rename (docs/reference.md), pointed at a name the flow does not have: as if the node was removed.
    await db.$executeRawUnsafe(`UPDATE flow_task SET "nodeName" = 'oldReview' WHERE "flowName" = 'test-review' AND id = $1`, task.id);
    const before = await snapshot();
    for (const attempt of [
      () => assignTask(users.reviewer, refOf(task), options),
      () => completeTask(users.reviewer, refOf(task), { approved: true }, options),
      () => undoTask(users.admin, refOf(task), options),
      () => reviveTask(users.admin, refOf(task), options),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "invalid_transition" });
    }
    expect(await snapshot()).toEqual(before);
    await cancelTask(users.admin, refOf(task), options);
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["oldReview", "canceled"],
    ]);
    expect(await processRow(processId)).toMatchObject({ status: "canceled" });
  });

  it("works again once a data migration renames it to a node the flow has", async () => {
    const { processId, task } = await review("renamed");
    await db.$executeRawUnsafe(`UPDATE flow_task SET "nodeName" = 'check' WHERE id = $1`, task.id);
    await expect(completeTask(users.reviewer, refOf(task), { approved: true }, options)).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await db.$executeRawUnsafe(`UPDATE flow_task SET "nodeName" = 'review' WHERE "flowName" = 'test-review' AND "nodeName" = 'check'`);
    await completeTask(users.reviewer, refOf(task), { approved: true }, options);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });

  it("is obsolete too when a node of that name is now of another kind", async () => {
    const { task } = await review("changed kind");
    await db.$executeRawUnsafe(`UPDATE flow_task SET "nodeName" = 'stamp' WHERE id = $1`, task.id);
    await expect(completeTask(users.reviewer, refOf(task), { approved: true }, options)).rejects.toMatchObject({
      code: "invalid_transition",
    });
  });
});

describe("undo", () => {
  it("takes back a done review: the handler and gateway after it are undone, the rework nobody opened is canceled, and the review is offered again", async () => {
    const { processId, task } = await review("undo me");
    await completeTask(users.reviewer, refOf(task), { approved: false }, options);
    const { taskId } = await undoTask(users.admin, refOf(task), options);
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["review", "canceled"],
      ["stamp", "canceled"],
      ["decide", "canceled"],
      ["rework", "canceled"],
      ["review", "new"],
    ]);
    expect(await taskAt(processId, "review", "new")).toMatchObject({ id: taskId, ownerRole: "reviewer" });
    expect(await checkInvariants()).toEqual([]);
  });

  it("is refused, changing nothing, once a later task was opened", async () => {
    const { processId, task } = await review("too late");
    await completeTask(users.reviewer, refOf(task), { approved: false }, options);
    await startTask(users.engineer, refOf(await taskAt(processId, "rework")), options);
    const before = await snapshot();
    await expect(undoTask(users.admin, refOf(task), options)).rejects.toMatchObject({
      code: "invalid_transition",
      userMessage: expect.stringContaining("already started"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("of a split cancels the branches nobody started and opens new ones", async () => {
    const { processId } = await startProcessFromCode(
      { flow: "test-parallel" },
      { data: { withCost: true }, userId: users.engineer.id },
      options,
    );
    const split = await taskAt(processId, "checks");
    await undoTask(users.admin, refOf(split), options);
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["checks", "canceled"],
      ["structural", "canceled"],
      ["cost", "canceled"],
      ["checks", "done"],
      ["structural", "new"],
      ["cost", "new"],
    ]);
    expect(await checkInvariants()).toEqual([]);
  });

  it("is for admins only", async () => {
    const { task } = await review("not yours to undo");
    await completeTask(users.reviewer, refOf(task), { approved: true }, options);
    await expect(undoTask(users.reviewer, refOf(task), options)).rejects.toMatchObject({ code: "forbidden" });
  });
});
