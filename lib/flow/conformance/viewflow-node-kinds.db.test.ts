/**
 * Viewflow's own scenarios for the node kinds Gusset added in issue 11, re-expressed in Gusset's
 * DSL and run on the real PostgreSQL (Viewflow 2.x: tests/workflow/test_nodes__join.py,
 * test_nodes__split_first.py, viewflow/workflow/nodes/end.py, the cookbook's shipment and
 * subprocesses flows). Each test names the scenario it follows; the invariant checker runs after each.
 * Where Gusset differs on purpose, the test asserts Gusset's behaviour (docs/reference.md lists why).
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { flow, role, type FlowUser } from "@/lib/flow";
import { cancelTask, checkInvariants, completeTask, loadFlows, startProcess, startProcessFromCode } from "@/lib/flow/runtime";
import { FlowError } from "@/lib/flow/runtime/errors";
import { makeUser, makeUsers, processRow, refOf, taskAt, tasksOf, trail } from "@/lib/flow/runtime/test-support/setup";

const none = z.object({});

/** T-05 TestPartialJoinWorkflow: three branches, a join that goes on once two are done. */
const partialJoin = flow("vf-partial-join", {
  process: none,
  nodes: ({ startHandle, split, view, join, end }) => ({
    start: startHandle().next("split"),
    split: split().branch("a").branch("b").branch("c"),
    a: view({ assign: role("reviewer") }).next("join"),
    b: view({ assign: role("reviewer") }).next("join"),
    c: view({ assign: role("reviewer") }).next("join"),
    join: join({ continueWhen: ({ arrived }) => arrived.filter((task) => task.status === "done").length >= 2 }).next("end"),
    end: end(),
  }),
});

/** N of M approvals: one edge carries three branches into the join, which goes on at two approvals. */
const twoOfThree = flow("vf-two-of-three", {
  process: z.object({ approvals: z.number().default(0) }),
  nodes: ({ startHandle, split, view, join, end }) => ({
    start: startHandle().next("split"),
    split: split().branch("review").branch("review").branch("review"),
    review: view({
      assign: role("reviewer"),
      form: z.object({ approved: z.boolean() }),
      merge: ({ form, process }) => ({ approvals: process.data.approvals + (form.approved ? 1 : 0) }),
    }).next("join"),
    join: join({ continueWhen: ({ process }) => process.data.approvals >= 2 }).next("end"),
    end: end(),
  }),
});

/** T-08 TestSplitFirstWorkflow: two branches straight to one end; the first done cancels the other. */
const splitFirst = flow("vf-split-first", {
  process: none,
  nodes: ({ startHandle, splitFirst, view, end }) => ({
    start: startHandle().next("split"),
    split: splitFirst().branch("case1").branch("case2"),
    case1: view({ assign: role("reviewer") }).next("end"),
    case2: view({ assign: role("reviewer") }).next("end"),
    end: end(),
  }),
});

/** A first split whose branches meet at a join: the loser is canceled, so the join goes on with the winner. */
const splitFirstJoin = flow("vf-split-first-join", {
  process: none,
  nodes: ({ startHandle, splitFirst, view, handler, join, end }) => ({
    start: startHandle().next("split"),
    split: splitFirst().branch("slow").branch("quick"),
    slow: view({ assign: role("reviewer") }).next("join"),
    quick: view({ assign: role("engineer") }).next("after"),
    after: handler(() => undefined).next("join"),
    join: join().next("end"),
    end: end(),
  }),
});

/** A first split on one branch of a split, with no join of its own: its winner goes on to the outer join. */
const nestedSplitFirst = flow("vf-nested-split-first", {
  process: none,
  nodes: ({ startHandle, split, splitFirst, view, join, end }) => ({
    start: startHandle().next("outer"),
    outer: split().branch("race").branch("other"),
    race: splitFirst().branch("fast").branch("slow"),
    fast: view({ assign: role("reviewer") }).next("joined"),
    slow: view({ assign: role("reviewer") }).next("joined"),
    other: view({ assign: role("reviewer") }).next("joined"),
    joined: join().next("end"),
    end: end(),
  }),
});

/** viewflow/workflow/nodes/end.py End: other branches go on; the last end finishes the process. */
const waitingEnds = flow("vf-waiting-ends", {
  process: none,
  nodes: ({ startHandle, split, view, end }) => ({
    start: startHandle().next("split"),
    split: split().branch("a").branch("b"),
    a: view({ assign: role("reviewer") }).next("endA"),
    b: view({ assign: role("reviewer") }).next("endB"),
    endA: end({ others: "wait" }),
    endB: end({ others: "wait" }),
  }),
});

/** Gusset's default end (Viewflow's TerminateEnd): the other branches are canceled. */
const cancelingEnd = flow("vf-canceling-end", {
  process: none,
  nodes: ({ startHandle, split, view, end }) => ({
    start: startHandle().next("split"),
    split: split().branch("a").branch("b"),
    a: view({ assign: role("reviewer") }).next("end"),
    b: view({ assign: role("reviewer") }).next("end"),
    end: end(),
  }),
});

/** Cookbook shipment: move_package goes to whoever did package_goods (`this.package_goods.owner`). */
const shipment = flow("vf-shipment-history", {
  process: none,
  nodes: ({ startHandle, view, end }) => ({
    start: startHandle().next("packageGoods"),
    packageGoods: view({ assign: role("engineer") }).next("movePackage"),
    movePackage: view({ assign: ({ history }) => history.last("packageGoods")?.finishedById ?? role("admin") }).next("end"),
    end: end(),
  }),
});

/** Cookbook subprocesses, OrderItemFlow: one child per item, each waiting for a person. */
const orderItem = flow("vf-order-item", {
  process: z.object({ title: z.string(), reserved: z.boolean().optional() }),
  nodes: ({ startHandle, view, end }) => ({
    start: startHandle().next("reserve"),
    reserve: view({ assign: role("reviewer"), form: z.object({ reserved: z.boolean() }) }).next("end"),
    end: end(),
  }),
});

/** Cookbook subprocesses, OrderFlow's prepare_items: an NSubprocess over the order's items. */
const order = flow("vf-order", {
  process: z.object({ items: z.array(z.string()), reserved: z.array(z.string()).optional() }),
  nodes: ({ startHandle, subprocesses, end }) => ({
    start: startHandle().next("prepare"),
    prepare: subprocesses(orderItem, {
      start: "start",
      items: ({ process }) => process.data.items,
      data: ({ item }) => ({ title: item }),
      merge: ({ children }) => ({ reserved: children.filter((child) => child.data.reserved).map((child) => child.data.title) }),
    }).next("end"),
    end: end(),
  }),
});

/** Named permissions (lib/auth/permissions.ts) and "anyone" on a start and a view. */
const permitted = flow("vf-permissions", {
  process: none,
  nodes: ({ start, view, end }) => ({
    start: start({ form: z.object({}), permission: "flow.start" }).next("look"),
    look: view({ assign: role("reviewer"), permission: "anyone" }).next("confirm"),
    // A reviewers' queue task only those reviewers may do who also hold "flow.start".
    confirm: view({ assign: role("reviewer"), permission: "flow.start" }).next("end"),
    end: end(),
  }),
});

const registry = loadFlows([
  partialJoin,
  twoOfThree,
  splitFirst,
  nestedSplitFirst,
  splitFirstJoin,
  waitingEnds,
  cancelingEnd,
  shipment,
  orderItem,
  order,
  permitted,
]);
const options = { registry };
let users: Awaited<ReturnType<typeof makeUsers>>;
let reviewer: FlowUser;
beforeAll(async () => {
  users = await makeUsers();
  ({ reviewer } = users);
});
afterEach(async () => {
  expect(await checkInvariants()).toEqual([]);
});

async function start(name: string, data: object = {}) {
  return (await startProcessFromCode({ flow: name }, { data, userId: users.engineer.id }, options)).processId;
}

async function complete(user: FlowUser, processId: string, node: string, input: object = {}) {
  await completeTask(user, refOf(await taskAt(processId, node, "new")), input, options);
}

describe("join({ continueWhen }) — Viewflow's Join(continue_on_condition)", () => {
  it("T-05 test_partial_join: goes on once two of three branches are done, and cancels the third", async () => {
    const processId = await start("vf-partial-join");
    await complete(reviewer, processId, "a");
    expect(await taskAt(processId, "join")).toMatchObject({ status: "started" });
    await complete(reviewer, processId, "b");
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["split", "done"],
      ["a", "done"],
      ["b", "done"],
      ["c", "canceled"],
      ["join", "done"],
      ["end", "done"],
    ]);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });

  it("N of M: two approvals of three reviews on one edge end the process; a rejection does not count", async () => {
    const processId = await start("vf-two-of-three");
    const reviews = (await tasksOf(processId)).filter((task) => task.nodeName === "review");
    expect(new Set(reviews.map((task) => task.token)).size).toBe(3);
    await completeTask(reviewer, refOf(reviews[0]!), { approved: false }, options);
    await completeTask(users.reviewer2, refOf(reviews[1]!), { approved: true }, options);
    expect(await processRow(processId)).toMatchObject({ status: "running", data: { approvals: 1 } });
    await completeTask(reviewer, refOf(reviews[2]!), { approved: true }, options);
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { approvals: 2 } });
  });

  it("without continueWhen a branch canceled by an admin counts as done (Viewflow: CANCELED is not active)", async () => {
    const processId = await start("vf-partial-join");
    await complete(reviewer, processId, "a");
    await cancelTask(users.admin, refOf(await taskAt(processId, "b")), options);
    expect(await taskAt(processId, "join")).toMatchObject({ status: "started" });
    await complete(reviewer, processId, "c");
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });
});

describe("splitFirst — Viewflow's SplitFirst", () => {
  it("T-08 test_split_first: the first branch done cancels the other, and the process ends", async () => {
    const processId = await start("vf-split-first");
    expect(await taskAt(processId, "split")).toMatchObject({ status: "started" });
    await complete(reviewer, processId, "case1");
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["split", "done"],
      ["case1", "done"],
      ["case2", "canceled"],
      ["end", "done"],
    ]);
    const split = await taskAt(processId, "split");
    expect(split.data).toMatchObject({ winner: (await taskAt(processId, "case1")).token });
  });

  it("before the join: the loser is canceled first, so the join goes on with the winner's branch alone", async () => {
    const processId = await start("vf-split-first-join");
    await complete(users.engineer2, processId, "quick");
    expect(await taskAt(processId, "slow")).toMatchObject({ status: "canceled" });
    expect(await taskAt(processId, "join")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });
});

describe("splitFirst inside a split's branch", () => {
  // Found by the storm test: the outer join took the first split for its own, went on with the
  // winner alone, and its end canceled the outer split's other branch.
  it("its winner reaches the outer join, which still waits for the other branch", async () => {
    const processId = await start("vf-nested-split-first");
    await complete(reviewer, processId, "fast");
    expect(await taskAt(processId, "slow")).toMatchObject({ status: "canceled" });
    expect(await taskAt(processId, "joined")).toMatchObject({ status: "started", token: null });
    expect(await taskAt(processId, "other")).toMatchObject({ status: "new" });
    await complete(reviewer, processId, "other");
    expect(await taskAt(processId, "joined")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });
});

describe("end({ others }) — Viewflow's End and TerminateEnd", () => {
  it('"wait" (Viewflow End): an end leaves the other branch open; the last end finishes the process', async () => {
    const processId = await start("vf-waiting-ends");
    await complete(reviewer, processId, "a");
    expect(await taskAt(processId, "endA")).toMatchObject({ status: "done" });
    expect(await taskAt(processId, "b")).toMatchObject({ status: "new" });
    expect(await processRow(processId)).toMatchObject({ status: "running", finishedAt: null });
    await complete(reviewer, processId, "b");
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });

  it('"cancel", the default (Viewflow TerminateEnd): the first end cancels the other branch and finishes', async () => {
    const processId = await start("vf-canceling-end");
    await complete(reviewer, processId, "a");
    expect(await taskAt(processId, "b")).toMatchObject({ status: "canceled" });
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });
});

describe("history in callbacks — the cookbook shipment's Assign(this.package_goods.owner)", () => {
  it("assigns the next task to whoever completed an earlier one", async () => {
    const processId = await start("vf-shipment-history");
    await complete(users.engineer2, processId, "packageGoods");
    expect(await taskAt(processId, "movePackage")).toMatchObject({ status: "assigned", assigneeId: users.engineer2.id, ownerRole: null });
  });
});

describe("subprocesses — Viewflow's NSubprocess (cookbook subprocesses, prepare_items)", () => {
  it("starts one child per item, in order, and goes on once every child is done, merging their data", async () => {
    const processId = await start("vf-order", { items: ["bolt", "plate"] });
    const prepare = await taskAt(processId, "prepare");
    expect(prepare).toMatchObject({ status: "started" });
    const children = (prepare.data as { children: string[] }).children;
    expect(await Promise.all(children.map(async (id) => (await processRow(id)).data))).toEqual([{ title: "bolt" }, { title: "plate" }]);
    await completeTask(reviewer, refOf(await taskAt(children[0]!, "reserve")), { reserved: true }, options);
    expect(await taskAt(processId, "prepare")).toMatchObject({ status: "started" });
    await completeTask(reviewer, refOf(await taskAt(children[1]!, "reserve")), { reserved: false }, options);
    expect(await taskAt(processId, "prepare")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { reserved: ["bolt"] } });
  });

  it("with no items goes on at once (Viewflow: the all-done condition holds for zero children)", async () => {
    const processId = await start("vf-order", { items: [] });
    expect(await taskAt(processId, "prepare")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { reserved: [] } });
  });
});

describe("permissions by name — Viewflow's .Permission()", () => {
  it('a start needs its named permission; "anyone" admits every signed-in user; a named one only its holders', async () => {
    await expect(startProcess(reviewer, { flow: "vf-permissions" }, {}, options)).rejects.toMatchObject({ code: "forbidden" });
    const { processId } = await startProcess(users.engineer, { flow: "vf-permissions" }, {}, options);
    await complete(reviewer, processId, "look");
    const confirm = await taskAt(processId, "confirm");
    await expect(completeTask(users.reviewer2, refOf(confirm), {}, options)).rejects.toBeInstanceOf(FlowError);
    await completeTask(await makeUser(["engineer", "reviewer"]), refOf(confirm), {}, options);
    expect(await processRow(processId)).toMatchObject({ status: "done" });
  });
});
