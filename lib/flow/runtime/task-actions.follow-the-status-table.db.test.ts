import { beforeAll, describe, expect, it } from "vitest";
import type { FlowUser } from "@/lib/flow";
import {
  assignTask,
  cancelTask,
  checkInvariants,
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
import { makeUsers, refOf, registry, snapshot, taskAt, tasksOf } from "./test-support/setup";

// Every action on a human task in every status it can be in, each as the person who would do it.
// A legal one moves the task as lib/flow/status.ts says; an illegal one is refused with a clear
// error and changes nothing at all.

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
beforeAll(async () => {
  users = await makeUsers();
});

type Status = "new" | "assigned" | "started" | "done";
type Action = "assign" | "unassign" | "reassign" | "start" | "complete" | "cancel" | "undo" | "revive";

/** A review task brought to `status` (claimed and opened by the reviewer where that applies). */
async function reviewIn(status: Status): Promise<TaskRef> {
  const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: `in ${status}` }, options);
  const ref = refOf(await taskAt(processId, "review"));
  if (status === "assigned" || status === "started") await assignTask(users.reviewer, ref, options);
  if (status === "started") await startTask(users.reviewer, ref, options);
  if (status === "done") await completeTask(users.reviewer, ref, { approved: false }, options);
  return ref;
}

const run: Record<Action, (ref: TaskRef) => Promise<unknown>> = {
  assign: (ref) => assignTask(users.reviewer, ref, options),
  unassign: (ref) => unassignTask(users.reviewer, ref, options),
  reassign: (ref) => reassignTask(users.admin, ref, users.reviewer2.id, options),
  start: (ref) => startTask(users.reviewer, ref, options),
  complete: (ref) => completeTask(users.reviewer, ref, { approved: true }, options),
  cancel: (ref) => cancelTask(users.admin, ref, options),
  undo: (ref) => undoTask(users.admin, ref, options),
  revive: (ref) => reviveTask(users.admin, ref, options),
};

// [status, action, the task's status after it, or the error code it is refused with]
const table: [Status, Action, { to: string } | { code: string }][] = [
  ["new", "assign", { to: "assigned" }],
  ["new", "unassign", { code: "invalid_transition" }],
  ["new", "reassign", { to: "assigned" }],
  ["new", "start", { code: "invalid_transition" }],
  ["new", "complete", { to: "done" }],
  ["new", "cancel", { to: "canceled" }],
  ["new", "undo", { code: "invalid_transition" }],
  ["new", "revive", { code: "invalid_transition" }],
  ["assigned", "assign", { code: "invalid_transition" }],
  ["assigned", "unassign", { to: "new" }],
  ["assigned", "reassign", { to: "assigned" }],
  ["assigned", "start", { to: "started" }],
  ["assigned", "complete", { to: "done" }],
  ["assigned", "cancel", { to: "canceled" }],
  ["assigned", "undo", { code: "invalid_transition" }],
  ["assigned", "revive", { code: "invalid_transition" }],
  ["started", "assign", { code: "invalid_transition" }],
  ["started", "unassign", { code: "invalid_transition" }],
  ["started", "reassign", { to: "assigned" }],
  ["started", "start", { to: "started" }],
  ["started", "complete", { to: "done" }],
  ["started", "cancel", { to: "canceled" }],
  ["started", "undo", { code: "invalid_transition" }],
  ["started", "revive", { code: "invalid_transition" }],
  ["done", "assign", { code: "no_longer_yours" }],
  ["done", "unassign", { code: "no_longer_yours" }],
  ["done", "reassign", { code: "invalid_transition" }],
  ["done", "start", { code: "no_longer_yours" }],
  ["done", "complete", { code: "no_longer_yours" }],
  ["done", "cancel", { code: "invalid_transition" }],
  ["done", "undo", { to: "canceled" }],
  ["done", "revive", { code: "invalid_transition" }],
];

describe("a view task", () => {
  it.each(table)("%s, then %s → %j", async (status, action, expected) => {
    const ref = await reviewIn(status);
    const before = await snapshot();
    if ("code" in expected) {
      const refusal = await run[action](ref).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toMatchObject({ name: "FlowError", code: expected.code, userMessage: expect.any(String) });
      expect(await snapshot()).toEqual(before);
    } else {
      await run[action](ref);
      const task = (await tasksOf(ref.processId)).find((t) => t.id === ref.taskId);
      expect(task?.status).toBe(expected.to);
    }
    expect(await checkInvariants()).toEqual([]);
  });
});

describe("a process that ended", () => {
  it("refuses every action on its tasks and changes nothing", async () => {
    const ref = await reviewIn("new");
    await cancelTask(users.admin, ref, options); // the only open task: the process is canceled with it
    const before = await snapshot();
    const refusals = await Promise.all(
      (Object.keys(run) as Action[]).map((action) =>
        run[action](ref).then(
          () => `${action}: done`,
          (error: { code: string }) => `${action}: ${error.code}`,
        ),
      ),
    );
    expect(refusals).toEqual([
      "assign: no_longer_yours",
      "unassign: no_longer_yours",
      "reassign: invalid_transition",
      "start: no_longer_yours",
      "complete: no_longer_yours",
      "cancel: invalid_transition",
      "undo: invalid_transition",
      "revive: invalid_transition",
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("reassigning", () => {
  it("refuses a user the task is not for (wrong role, or four eyes) and a non-admin", async () => {
    const ref = await reviewIn("assigned");
    const before = await snapshot();
    await expect(reassignTask(users.admin, ref, users.engineer2.id, options)).rejects.toMatchObject({ code: "forbidden" });
    const both: FlowUser = users.engineer;
    await expect(reassignTask(users.admin, ref, both.id, options)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reassignTask(users.reviewer2, ref, users.reviewer2.id, options)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reassignTask(users.admin, ref, "no-such-user", options)).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("tasks the engine or the queue runs", () => {
  const startAt = (flow: string, data: Record<string, unknown>) =>
    startProcessFromCode({ flow }, { data, userId: users.engineer.id }, options);

  /** A task of each kind in a typical status. */
  const setups: Record<string, () => Promise<TaskRef>> = {
    "a scheduled job": async () => {
      const { processId } = await startAt("test-job", { failTimes: 0, failAfter: false });
      return refOf(await taskAt(processId, "work"));
    },
    "a done handler": async () => {
      const ref = await reviewIn("done");
      return refOf(await taskAt(ref.processId, "stamp"));
    },
    "a waiting subprocess": async () => {
      const { processId } = await startAt("test-parent", { n: 1, instant: false });
      return refOf(await taskAt(processId, "slow"));
    },
    "a waiting join": async () => {
      const { processId } = await startAt("test-parallel", { withCost: true });
      await completeTask(users.engineer2, refOf(await taskAt(processId, "structural")), { structuralOk: true }, options);
      return refOf(await taskAt(processId, "joined"));
    },
  };

  const kinds: [string, Action, { to: string } | { code: string }][] = [
    ["a scheduled job", "assign", { code: "invalid_transition" }],
    ["a scheduled job", "start", { code: "invalid_transition" }],
    ["a scheduled job", "complete", { code: "invalid_transition" }],
    ["a scheduled job", "undo", { code: "invalid_transition" }],
    ["a scheduled job", "revive", { code: "invalid_transition" }],
    ["a scheduled job", "cancel", { to: "canceled" }],
    ["a done handler", "complete", { code: "invalid_transition" }],
    ["a done handler", "cancel", { code: "invalid_transition" }],
    ["a done handler", "revive", { code: "invalid_transition" }],
    ["a done handler", "undo", { to: "canceled" }],
    ["a waiting subprocess", "complete", { code: "invalid_transition" }],
    ["a waiting subprocess", "undo", { code: "invalid_transition" }],
    ["a waiting subprocess", "cancel", { to: "canceled" }],
    ["a waiting join", "assign", { code: "invalid_transition" }],
    ["a waiting join", "undo", { code: "invalid_transition" }],
    ["a waiting join", "cancel", { to: "canceled" }],
  ];

  it.each(kinds)("%s, then %s → %j", async (what, action, expected) => {
    const ref = await setups[what]!();
    const before = await snapshot();
    if ("code" in expected) {
      const refusal = await run[action](ref).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toMatchObject({ name: "FlowError", code: expected.code });
      expect(await snapshot()).toEqual(before);
    } else {
      await run[action](ref);
      const task = (await tasksOf(ref.processId)).find((t) => t.id === ref.taskId);
      expect(task?.status).toBe(expected.to);
    }
    expect(await checkInvariants()).toEqual([]);
  });
});
