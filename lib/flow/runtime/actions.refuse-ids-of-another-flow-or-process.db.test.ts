import { beforeAll, describe, expect, it } from "vitest";
import type { FlowUser } from "@/lib/flow";
import {
  assignTask,
  cancelProcess,
  cancelTask,
  completeTask,
  reassignTask,
  reviveTask,
  startProcess,
  startProcessFromCode,
  startTask,
  unassignTask,
  undoTask,
  type TaskRef,
} from "./index";
import { makeUsers, refOf, registry, snapshot, taskAt } from "./test-support/setup";

// Viewflow before 2.3.2 looked a task up by its id alone, so a task id from another flow or
// process, pasted into a URL, was acted on. Here every action, as every role, is given ids that
// do not belong together: each answers not_found (the same as an id that does not exist, so
// existence does not leak) and changes nothing.

let users: Awaited<ReturnType<typeof makeUsers>>;
let refs: Record<string, TaskRef>;
const options = { registry };

beforeAll(async () => {
  users = await makeUsers();
  const a = await startProcess(users.engineer, { flow: "test-review" }, { text: "a" }, options);
  const b = await startProcess(users.engineer, { flow: "test-review" }, { text: "b" }, options);
  const c = await startProcessFromCode({ flow: "test-parallel" }, { data: { withCost: true }, userId: users.engineer.id }, options);
  const reviewA = refOf(await taskAt(a.processId, "review"));
  const structuralC = refOf(await taskAt(c.processId, "structural"));
  refs = {
    "a task of another flow": { ...reviewA, flow: "test-parallel" },
    "a task of another process of the same flow": { ...reviewA, processId: b.processId },
    "a process of another flow": { ...structuralC, flow: "test-review" },
    "a task of another flow's process": { flow: "test-review", processId: a.processId, taskId: structuralC.taskId },
    "a task that does not exist": { ...reviewA, taskId: "00000000-0000-4000-8000-000000000000" },
    "a flow that does not exist": { ...reviewA, flow: "no-such-flow" },
  };
});

const actions: Record<string, (actor: FlowUser, ref: TaskRef) => Promise<unknown>> = {
  assign: (actor, ref) => assignTask(actor, ref, options),
  unassign: (actor, ref) => unassignTask(actor, ref, options),
  reassign: (actor, ref) => reassignTask(actor, ref, users.reviewer.id, options),
  start: (actor, ref) => startTask(actor, ref, options),
  complete: (actor, ref) => completeTask(actor, ref, { approved: true, structuralOk: true }, options),
  cancel: (actor, ref) => cancelTask(actor, ref, options),
  undo: (actor, ref) => undoTask(actor, ref, options),
  revive: (actor, ref) => reviveTask(actor, ref, options),
  "cancel the process": (actor, ref) => cancelProcess(actor, { flow: ref.flow, processId: ref.processId }, options),
};

describe.each(["engineer", "reviewer", "admin"] as const)("as %s", (role) => {
  it.each(Object.keys(actions))("%s is refused with not_found for ids that do not belong together", async (action) => {
    const before = await snapshot();
    const actor = users[role];
    for (const [what, ref] of Object.entries(refs)) {
      // cancelProcess takes only the flow and the process: a mismatched task id is not its concern.
      if (action === "cancel the process" && (what.startsWith("a task") || what.includes("same flow"))) continue;
      const outcome = await actions[action]!(actor, ref).then(
        () => "done",
        (error: { code?: string }) => error.code,
      );
      expect(outcome, `${action} on ${what}`).toBe("not_found");
    }
    expect(await snapshot()).toEqual(before);
  });
});
