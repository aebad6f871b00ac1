import { beforeAll, describe, expect, it } from "vitest";
import { cancelTask, checkInvariants, completeTask, startProcessFromCode } from "./index";
import { makeUsers, processRow, refOf, registry, taskAt, tasksOf, trail } from "./test-support/setup";

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
beforeAll(async () => {
  users = await makeUsers();
});

async function start(withCost: boolean) {
  const { processId } = await startProcessFromCode({ flow: "test-parallel" }, { data: { withCost }, userId: users.engineer.id }, options);
  return processId;
}

describe("a split", () => {
  it("opens every branch whose condition holds, each with its own token", async () => {
    const processId = await start(true);
    const split = await taskAt(processId, "checks");
    expect(split).toMatchObject({ status: "done", data: { branches: [`${split.id}.0`, `${split.id}.1`] } });
    expect(await taskAt(processId, "structural")).toMatchObject({ status: "new", ownerRole: "engineer", token: `${split.id}.0` });
    expect(await taskAt(processId, "cost")).toMatchObject({ status: "new", ownerRole: "reviewer", token: `${split.id}.1` });
  });

  it("opens only the branches whose condition holds", async () => {
    const processId = await start(false);
    expect((await tasksOf(processId)).map((t) => t.nodeName)).toEqual(["start", "checks", "structural"]);
  });
});

describe("a join", () => {
  it("waits for every opened branch, then goes on once, through the switch to an end", async () => {
    const processId = await start(true);
    await completeTask(users.engineer2, refOf(await taskAt(processId, "structural")), { structuralOk: true }, options);
    const join = await taskAt(processId, "joined");
    expect(join).toMatchObject({ status: "started", token: null });
    await completeTask(users.reviewer, refOf(await taskAt(processId, "cost")), { costOk: true }, options);
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["checks", "done"],
      ["structural", "done"],
      ["cost", "done"],
      ["joined", "done"],
      ["count", "done"],
      ["outcome", "done"],
      ["accepted", "done"],
    ]);
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { structuralOk: true, costOk: true, rounds: 1 } });
    expect(await checkInvariants()).toEqual([]);
  });

  it("goes on at once when the split opened one branch", async () => {
    const processId = await start(false);
    await completeTask(users.engineer2, refOf(await taskAt(processId, "structural")), { structuralOk: true }, options);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });

  it("counts a canceled branch as done: once the other has arrived, canceling the last open one lets it go on", async () => {
    const processId = await start(true);
    await completeTask(users.engineer2, refOf(await taskAt(processId, "structural")), { structuralOk: true }, options);
    await cancelTask(users.admin, refOf(await taskAt(processId, "cost")), options);
    expect(await taskAt(processId, "joined")).toMatchObject({ status: "done" });
    expect(await taskAt(processId, "accepted")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { structuralOk: true, rounds: 1 } });
    expect(await checkInvariants()).toEqual([]);
  });

  it("counts a canceled branch as done when the other arrives later", async () => {
    const processId = await start(true);
    await cancelTask(users.admin, refOf(await taskAt(processId, "cost")), options);
    expect(await processRow(processId)).toMatchObject({ status: "running" });
    await completeTask(users.engineer2, refOf(await taskAt(processId, "structural")), { structuralOk: true }, options);
    expect(await taskAt(processId, "joined")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });
});

describe("a switch in a loop", () => {
  it("takes the first case that holds, else the default; each round through the split gets new tokens", async () => {
    const processId = await start(false);
    for (let round = 1; round <= 3; round++) {
      await completeTask(users.engineer2, refOf(await taskAt(processId, "structural", "new")), { structuralOk: false }, options);
      if (round < 3) {
        const again = await taskAt(processId, "again", "assigned");
        expect(again.assigneeId).toBe(users.engineer.id);
        await completeTask(users.engineer, refOf(again), { withCost: false }, options);
      }
    }
    const outcomes = (await tasksOf(processId)).filter((t) => t.nodeName === "outcome");
    expect(outcomes).toHaveLength(3);
    expect(await taskAt(processId, "rejected")).toMatchObject({ status: "done" });
    const tokens = (await tasksOf(processId)).filter((t) => t.nodeName === "structural").map((t) => t.token);
    expect(new Set(tokens).size).toBe(3);
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { rounds: 3 } });
    expect(await checkInvariants()).toEqual([]);
  });
});
