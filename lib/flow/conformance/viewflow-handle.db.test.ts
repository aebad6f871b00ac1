/**
 * Viewflow's Handle (tests/workflow/test_nodes__handle.py, and the async join of
 * test_nodes__join.py), re-expressed in Gusset's DSL on the real PostgreSQL: a task that waits for
 * code or an outside system. A webhook's signal needs the task's own token, and a second delivery
 * of the same signal changes nothing.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { flow, type SignalAddress } from "@/lib/flow";
import { checkInvariants, loadFlows, signalTask, signalTaskWithToken, startProcessFromCode } from "@/lib/flow/runtime";
import { signalTokenOf } from "@/lib/flow/runtime/signal-token";
import { makeUsers, processRow, refOf, snapshot, taskAt, tasksOf, trail } from "@/lib/flow/runtime/test-support/setup";

/** T-03 TestWorkflow: start → handle (fails when the process says so) → end. */
const handled = flow("vf-handle", {
  process: z.object({ raiseException: z.boolean(), marker: z.string().optional() }),
  nodes: ({ startHandle, handle, end }) => ({
    start: startHandle().next("handle"),
    handle: handle({
      input: z.object({ marker: z.string() }),
      merge: ({ process, input }) => {
        if (process.data.raiseException) throw new Error("the handler refuses");
        return { marker: input.marker };
      },
    }).next("end"),
    end: end(),
  }),
});

/** T-05 TestASyncWorkflow: a split into two handles, joined. */
const asyncJoin = flow("vf-handle-join", {
  process: z.object({}),
  nodes: ({ startHandle, split, handle, join, end }) => ({
    start: startHandle().next("split"),
    split: split().branch("first").branch("second"),
    first: handle().next("join"),
    second: handle().next("join"),
    join: join().next("end"),
    end: end(),
  }),
});

/** A webhook: the handle hands its address and token to the outside system when it is created. */
const handedOut: SignalAddress[] = [];
const webhook = flow("vf-handle-webhook", {
  process: z.object({ paid: z.number().optional() }),
  nodes: ({ startHandle, handle, end }) => ({
    start: startHandle().next("payment"),
    payment: handle({
      input: z.object({ amount: z.number() }),
      merge: ({ input }) => ({ paid: input.amount }),
      onCreate: ({ signal }) => void handedOut.push(signal),
    }).next("end"),
    end: end(),
  }),
});

const registry = loadFlows([handled, asyncJoin, webhook]);
const options = { registry };
let users: Awaited<ReturnType<typeof makeUsers>>;
beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "a test secret of the handle conformance tests";
  users = await makeUsers();
});
afterEach(async () => {
  expect(await checkInvariants()).toEqual([]);
});

const start = async (name: string, data: object = {}) =>
  (await startProcessFromCode({ flow: name }, { data, userId: users.engineer.id }, options)).processId;

describe("handle — Viewflow's Handle", () => {
  it("T-03 test_handler_succeed: waits new; a signal completes it and the process ends, with 3 tasks", async () => {
    const processId = await start("vf-handle", { raiseException: false });
    expect(await taskAt(processId, "handle")).toMatchObject({ status: "new", assigneeId: null });
    expect(await signalTask(refOf(await taskAt(processId, "handle")), { marker: "signaled" }, options)).toBe("done");
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["handle", "done"],
      ["end", "done"],
    ]);
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { marker: "signaled" } });
    expect(await taskAt(processId, "handle")).toMatchObject({ data: { marker: "signaled" } });
  });

  it("T-03 test_handler_exception: a failing handle rolls back, and the task is still new", async () => {
    const processId = await start("vf-handle", { raiseException: true });
    const before = await snapshot();
    await expect(signalTask(refOf(await taskAt(processId, "handle")), { marker: "x" }, options)).rejects.toMatchObject({
      code: "handler_failed",
    });
    expect(await snapshot()).toEqual(before);
    expect(await taskAt(processId, "handle")).toMatchObject({ status: "new" });
  });

  it("refuses input its schema does not admit, field by field, and changes nothing", async () => {
    const processId = await start("vf-handle", { raiseException: false });
    await expect(signalTask(refOf(await taskAt(processId, "handle")), { marker: 3 }, options)).rejects.toMatchObject({
      code: "invalid_input",
      fields: [expect.objectContaining({ path: "marker" })],
    });
    expect(await taskAt(processId, "handle")).toMatchObject({ status: "new" });
  });

  it("T-05 test_join_async: the join is started after the first handle and done after the second, 6 tasks", async () => {
    const processId = await start("vf-handle-join");
    await signalTask(refOf(await taskAt(processId, "first")), {}, options);
    expect(await taskAt(processId, "join")).toMatchObject({ status: "started" });
    await signalTask(refOf(await taskAt(processId, "second")), {}, options);
    expect(await taskAt(processId, "join")).toMatchObject({ status: "done" });
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await tasksOf(processId)).toHaveLength(6);
  });
});

describe("a webhook-resumed handle", () => {
  it("gets its address and token on creation; refuses a signal without its token or with another task's", async () => {
    const processId = await start("vf-handle-webhook");
    const task = await taskAt(processId, "payment");
    const address = handedOut.at(-1)!;
    expect(address).toEqual({
      path: `/api/flows/vf-handle-webhook/processes/${processId}/tasks/${task.id}/signal`,
      token: signalTokenOf(task.id),
    });
    const before = await snapshot();
    await expect(signalTaskWithToken(refOf(task), null, { amount: 5 }, options)).rejects.toMatchObject({ code: "forbidden" });
    await expect(signalTaskWithToken(refOf(task), signalTokenOf(processId), { amount: 5 }, options)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("is idempotent: the same call twice completes it once and answers already_done the second time", async () => {
    const processId = await start("vf-handle-webhook");
    const task = await taskAt(processId, "payment");
    const { token } = handedOut.at(-1)!;
    expect(await signalTaskWithToken(refOf(task), token, { amount: 12 }, options)).toBe("done");
    const after = await snapshot();
    expect(await signalTaskWithToken(refOf(task), token, { amount: 12 }, options)).toBe("already_done");
    expect(await snapshot()).toEqual(after);
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { paid: 12 } });
  });
});
