import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cancelProcess, checkInvariants, completeTask, reviveTask, startProcessFromCode } from "./index";
import { makeUsers, processRow, refOf, registry, taskAt, trail } from "./test-support/setup";

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
beforeAll(async () => {
  users = await makeUsers();
});

async function start(n: number, instant: boolean) {
  const { processId } = await startProcessFromCode({ flow: "test-parent" }, { data: { n, instant }, userId: users.engineer.id }, options);
  return processId;
}

async function childOf(taskId: string) {
  const child = await db.flowProcess.findFirstOrThrow({ where: { parentTaskId: taskId }, orderBy: { createdAt: "desc" } });
  return child;
}

describe("a subprocess", () => {
  it("starts its child and, when the child ends in the same transaction, merges its data and goes on", async () => {
    const processId = await start(7, true);
    const quick = await taskAt(processId, "quick");
    expect(quick.status).toBe("done");
    const child = await childOf(quick.id);
    expect(child).toMatchObject({
      flowName: "test-instant-child",
      status: "done",
      createdById: users.engineer.id,
      data: { n: 7, squared: 49 },
    });
    expect(await processRow(processId)).toMatchObject({ data: { result: 49 } });
    expect(await taskAt(processId, "look")).toMatchObject({ status: "new" });
    expect(await checkInvariants()).toEqual([]);
  });

  it("waits for a child that waits for a person, and goes on when the child ends", async () => {
    const processId = await start(5, false);
    const slow = await taskAt(processId, "slow");
    expect(slow.status).toBe("started");
    const child = await childOf(slow.id);
    expect(await trail(child.id)).toEqual([
      ["start", "done"],
      ["confirm", "new"],
    ]);
    await completeTask(users.reviewer, refOf(await taskAt(child.id, "confirm")), {}, options);
    expect(await processRow(child.id)).toMatchObject({ status: "done", data: { doubled: 10 } });
    expect(await taskAt(processId, "slow")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "running", data: { result: 10 } });
    expect(await checkInvariants()).toEqual([]);
  });

  it("takes its child down with it when the parent is canceled", async () => {
    const processId = await start(2, false);
    const child = await childOf((await taskAt(processId, "slow")).id);
    await cancelProcess(users.admin, { flow: "test-parent", processId }, options);
    expect(await processRow(processId)).toMatchObject({ status: "canceled" });
    expect(await processRow(child.id)).toMatchObject({ status: "canceled" });
    expect(await trail(child.id)).toEqual([
      ["start", "done"],
      ["confirm", "canceled"],
    ]);
    expect(await checkInvariants()).toEqual([]);
  });

  it("fails into the error queue when its child is canceled, and a revive starts a new child", async () => {
    const processId = await start(3, false);
    const slow = await taskAt(processId, "slow");
    const child = await childOf(slow.id);
    await cancelProcess(users.admin, { flow: "test-child", processId: child.id }, options);
    expect(await taskAt(processId, "slow")).toMatchObject({ status: "error", error: { message: expect.stringContaining("was canceled") } });
    expect(await processRow(processId)).toMatchObject({ status: "error" });
    expect(await checkInvariants()).toEqual([]);

    const { taskId } = await reviveTask(users.admin, refOf(slow), options);
    expect(await taskAt(processId, "slow", "revived")).toMatchObject({ id: slow.id });
    expect(await taskAt(processId, "slow", "started")).toMatchObject({ id: taskId, revivedFromId: slow.id });
    expect(await processRow(processId)).toMatchObject({ status: "running" });
    const second = await childOf(taskId);
    expect(second.status).toBe("running");
    expect(await checkInvariants()).toEqual([]);
  });
});
