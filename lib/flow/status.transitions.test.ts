import { describe, expect, it } from "vitest";
import {
  NODE_ACTIONS,
  NODE_KINDS,
  PROCESS_ACTIONS,
  PROCESS_STATUSES,
  processTransition,
  TASK_ACTIONS,
  TASK_STATUSES,
  transition,
  type ProcessAction,
  type ProcessStatus,
  type TaskAction,
  type TaskStatus,
} from "@/lib/flow";

// The task status model, written out by hand as a second source of truth: for each status, the
// actions it allows and where they lead. Every pair not listed must be refused.
const TASK_MODEL: Record<TaskStatus, Partial<Record<TaskAction, TaskStatus>>> = {
  new: { assign: "assigned", activate: "started", schedule: "scheduled", fail: "error", cancel: "canceled" },
  assigned: { unassign: "new", reassign: "assigned", start: "started", cancel: "canceled" },
  scheduled: { start: "started", cancel: "canceled" },
  started: { reassign: "assigned", start: "started", reschedule: "scheduled", complete: "done", fail: "error", cancel: "canceled" },
  done: { undo: "canceled" },
  error: { cancel: "canceled", revive: "revived" },
  canceled: { revive: "revived" },
  revived: {},
};

const PROCESS_MODEL: Record<ProcessStatus, Partial<Record<ProcessAction, ProcessStatus>>> = {
  running: { fail: "error", finish: "done", cancel: "canceled" },
  error: { fail: "error", recover: "running", finish: "done", cancel: "canceled" },
  done: {},
  canceled: {},
};

function allowedFrom<S extends string, A extends string>(model: Record<S, Partial<Record<A, S>>>, action: A): S[] {
  return (Object.keys(model) as S[]).filter((status) => model[status][action] !== undefined);
}

describe("task transitions", () => {
  const pairs = TASK_STATUSES.flatMap((status) => TASK_ACTIONS.map((action) => ({ status, action, to: TASK_MODEL[status][action] })));

  it.each(pairs.filter((pair) => pair.to !== undefined))("$action on a $status task gives $to", ({ status, action, to }) => {
    expect(transition(status, action)).toEqual({ ok: true, to });
  });

  it.each(pairs.filter((pair) => pair.to === undefined))("$action on a $status task is refused", ({ status, action }) => {
    const allowed = allowedFrom(TASK_MODEL, action);
    expect(transition(status, action)).toEqual({
      ok: false,
      error: {
        code: "status-not-allowed",
        action,
        status,
        allowed,
        message: `Cannot ${action} a task that is ${status}; ${action} needs a task that is ${allowed.join(" or ")}.`,
      },
    });
  });

  it("says what was tried and what is allowed, in words", () => {
    const result = transition("done", "complete");
    expect(result.ok || result.error.message).toBe("Cannot complete a task that is done; complete needs a task that is started.");
  });

  it("starts every task as new and leaves revived for good", () => {
    expect(TASK_STATUSES[0]).toBe("new");
    expect(TASK_ACTIONS.filter((action) => transition("revived", action).ok)).toEqual([]);
  });
});

describe("task transitions by node kind", () => {
  it.each([
    { kind: "job", action: "assign" },
    { kind: "view", action: "activate" },
    { kind: "view", action: "reschedule" },
    { kind: "handler", action: "assign" },
    { kind: "end", action: "undo" },
    { kind: "subprocess", action: "undo" },
    { kind: "obsolete", action: "revive" },
    { kind: "start", action: "cancel" },
  ] as const)("refuses $action on a $kind task whatever its status", ({ kind, action }) => {
    for (const status of TASK_STATUSES) {
      expect(transition(status, action, kind)).toEqual({
        ok: false,
        error: {
          code: "node-not-supported",
          action,
          kind,
          supported: NODE_ACTIONS[kind],
          message: `A ${kind} task cannot ${action}; it supports ${NODE_ACTIONS[kind].join(", ")}.`,
        },
      });
    }
  });

  it("applies the status table to the actions a kind supports", () => {
    for (const kind of NODE_KINDS) {
      for (const action of NODE_ACTIONS[kind]) {
        for (const status of TASK_STATUSES) expect(transition(status, action, kind)).toEqual(transition(status, action));
      }
    }
  });

  // Follow a kind's own actions from "new": every kind but obsolete must be able to finish, and a
  // task that can fail must have a way out of the error queue.
  function statusesReachable(kind: (typeof NODE_KINDS)[number]): Set<TaskStatus> {
    const seen = new Set<TaskStatus>(["new"]);
    for (const status of seen) {
      for (const action of NODE_ACTIONS[kind]) {
        const result = transition(status, action, kind);
        if (result.ok) seen.add(result.to);
      }
    }
    return seen;
  }

  it.each(NODE_KINDS.filter((kind) => kind !== "obsolete"))("lets a %s task get from new to done", (kind) => {
    expect(statusesReachable(kind).has("done")).toBe(true);
  });

  it.each(NODE_KINDS.filter((kind) => (NODE_ACTIONS[kind] as readonly TaskAction[]).includes("fail")))(
    "lets a failed %s task be revived and canceled",
    (kind) => {
      expect(NODE_ACTIONS[kind]).toEqual(expect.arrayContaining(["revive", "cancel"]));
    },
  );

  it("lets an admin only cancel an obsolete task", () => {
    expect(NODE_ACTIONS.obsolete).toEqual(["cancel"]);
    expect(transition("assigned", "cancel", "obsolete")).toEqual({ ok: true, to: "canceled" });
    expect(transition("done", "cancel", "obsolete").ok).toBe(false);
  });
});

describe("process transitions", () => {
  const pairs = PROCESS_STATUSES.flatMap((status) =>
    PROCESS_ACTIONS.map((action) => ({ status, action, to: PROCESS_MODEL[status][action] })),
  );

  it.each(pairs.filter((pair) => pair.to !== undefined))("$action on a $status process gives $to", ({ status, action, to }) => {
    expect(processTransition(status, action)).toEqual({ ok: true, to });
  });

  it.each(pairs.filter((pair) => pair.to === undefined))("$action on a $status process is refused", ({ status, action }) => {
    const allowed = allowedFrom(PROCESS_MODEL, action);
    expect(processTransition(status, action)).toEqual({
      ok: false,
      error: {
        code: "status-not-allowed",
        action,
        status,
        allowed,
        message: `Cannot ${action} a process that is ${status}; ${action} needs a process that is ${allowed.join(" or ")}.`,
      },
    });
  });
});
