import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { flow, role, type FlowUser } from "@/lib/flow";
import { cancelTask, checkInvariants, completeTask, loadFlows, reviveTask, startProcessFromCode, undoTask } from "./index";
import { makeUsers, processRow, refOf, snapshot, taskAt, tasksOf, trail } from "./test-support/setup";

// The four bugs of issue 11, each with the smallest flow that showed it.

const none = z.object({ go: z.boolean().optional() });

/** A split whose branches are both handlers: nothing waits between the split and the join. */
const syncBranches = flow("regress-sync-branches", {
  process: z.object({ a: z.boolean().optional(), b: z.boolean().optional() }),
  nodes: ({ startHandle, split, handler, join, end }) => ({
    start: startHandle().next("fork"),
    fork: split().branch("a").branch("b"),
    a: handler(() => ({ a: true })).next("j"),
    b: handler(() => ({ b: true })).next("j"),
    j: join().next("end"),
    end: end(),
  }),
});

/** The same, after a person's task: their completion runs the split, both branches and the join. */
const syncBranchesAfterView = flow("regress-sync-after-view", {
  process: none,
  nodes: ({ startHandle, view, split, handler, join, end }) => ({
    start: startHandle().next("go"),
    go: view({ assign: role("reviewer") }).next("fork"),
    fork: split().branch("a").branch("b"),
    a: handler(() => undefined).next("j"),
    b: handler(() => undefined).next("j"),
    j: join().next("end"),
    end: end(),
  }),
});

/** A branch that goes straight from the split to the join, beside one that waits for a person. */
const directBranch = flow("regress-direct-branch", {
  process: none,
  nodes: ({ startHandle, split, view, join, end }) => ({
    start: startHandle().next("fork"),
    fork: split().branch("a").branch("j"),
    a: view({ assign: role("reviewer") }).next("j"),
    j: join().next("end"),
    end: end(),
  }),
});

/** Three views joined: enough to cancel a join while branches are still open. */
const threeViews = flow("regress-three-views", {
  process: none,
  nodes: ({ startHandle, split, view, join, end }) => ({
    start: startHandle().next("fork"),
    fork: split().branch("a").branch("b").branch("c"),
    a: view({ assign: role("reviewer") }).next("j"),
    b: view({ assign: role("reviewer") }).next("j"),
    c: view({ assign: role("reviewer") }).next("j"),
    j: join().next("end"),
    end: end(),
  }),
});

/** A gate on one branch, so undoing it runs it again while the other branch keeps the process open. */
const gateOnBranch = flow("regress-gate-on-branch", {
  process: none,
  nodes: ({ startHandle, split, view, ifNode, join, end }) => ({
    start: startHandle().next("fork"),
    fork: split().branch("hold").branch("gate"),
    hold: view({ assign: role("reviewer") }).next("j"),
    gate: ifNode(() => true)
      .then("work")
      .else("hold"),
    work: view({ assign: role("reviewer") }).next("j"),
    j: join().next("end"),
    end: end(),
  }),
});

const registry = loadFlows([syncBranches, syncBranchesAfterView, directBranch, threeViews, gateOnBranch]);
const options = { registry };
let users: Awaited<ReturnType<typeof makeUsers>>;
let reviewer: FlowUser;
let admin: FlowUser;
beforeAll(async () => {
  users = await makeUsers();
  ({ reviewer, admin } = users);
});

const start = async (name: string) =>
  (await startProcessFromCode({ flow: name }, { data: {}, userId: users.engineer.id }, options)).processId;

describe("bug 1: a split whose branches are all synchronous", () => {
  // The node queue ran first in, first out, so the join was evaluated while the second branch's
  // arrival was still queued: both join tasks failed, each saying the other branch could not arrive.
  it("reaches its join once, with both branches arrived, and ends", async () => {
    const processId = await start("regress-sync-branches");
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["fork", "done"],
      ["a", "done"],
      ["b", "done"],
      ["j", "done"],
      ["end", "done"],
    ]);
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { a: true, b: true } });
    expect(await checkInvariants()).toEqual([]);
  });

  // The failure was saved inside the reviewer's completion, which must commit whole or not at all.
  it("after a person's task: the completion ends the process, with no join in error", async () => {
    const processId = await start("regress-sync-after-view");
    await completeTask(reviewer, refOf(await taskAt(processId, "go")), {}, options);
    expect((await tasksOf(processId)).filter((task) => task.nodeName === "j").map((task) => task.status)).toEqual(["done"]);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });
});

describe("bug 2: a split branch that goes straight to the join", () => {
  // The arrival's token was read from the task it came from, the split, which carries the outer
  // token: the direct branch never counted as arrived, and the join failed at once.
  it("counts as arrived: the join waits for the other branch only, then goes on", async () => {
    const processId = await start("regress-direct-branch");
    expect(await taskAt(processId, "j")).toMatchObject({ status: "started" });
    expect(await processRow(processId)).toMatchObject({ status: "running" });
    await completeTask(reviewer, refOf(await taskAt(processId, "a")), {}, options);
    expect((await tasksOf(processId)).filter((task) => task.nodeName === "j").map((task) => task.status)).toEqual(["done"]);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });
});

describe("bug 3: a revived join", () => {
  // The lock loads only open tasks, and the arrivals of a revived join were read from it: done
  // arrivals read as nothing, so the fresh join failed saying no branch had arrived.
  it("keeps its arrivals: it waits for the open branch and goes on when it arrives", async () => {
    const processId = await start("regress-three-views");
    for (const node of ["a", "b"]) await completeTask(reviewer, refOf(await taskAt(processId, node)), {}, options);
    const join = await taskAt(processId, "j");
    await cancelTask(admin, refOf(join), options);
    await reviveTask(admin, refOf(join), options);
    expect(await taskAt(processId, "j", "started")).toMatchObject({ revivedFromId: join.id });
    await completeTask(reviewer, refOf(await taskAt(processId, "c")), {}, options);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });

  // Reviving a canceled join while another join of the same split is open left two open joins.
  it("is refused while another join of its split is open, changing nothing", async () => {
    const processId = await start("regress-three-views");
    await completeTask(reviewer, refOf(await taskAt(processId, "a")), {}, options);
    const first = await taskAt(processId, "j");
    await cancelTask(admin, refOf(first), options);
    await completeTask(reviewer, refOf(await taskAt(processId, "b")), {}, options);
    expect(await taskAt(processId, "j", "started")).not.toMatchObject({ id: first.id });
    const before = await snapshot();
    await expect(reviveTask(admin, refOf(first), options)).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await snapshot()).toEqual(before);
    await completeTask(reviewer, refOf(await taskAt(processId, "c")), {}, options);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });
});

describe("bug 4: undo, then revive", () => {
  // Undo runs the gate again, which opens a new task after it; reviving the undone gate ran it a
  // third time: two open copies of one node on one branch, and the invariant checker said nothing.
  it("refuses to revive a task undo already replaced, changing nothing", async () => {
    const processId = await start("regress-gate-on-branch");
    await cancelTask(admin, refOf(await taskAt(processId, "work")), options);
    const gate = await taskAt(processId, "gate");
    await undoTask(admin, refOf(gate), options);
    expect(await taskAt(processId, "work", "new")).toBeTruthy();
    const before = await snapshot();
    await expect(reviveTask(admin, refOf(gate), options)).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await snapshot()).toEqual(before);
    expect(await checkInvariants()).toEqual([]);
  });
});
