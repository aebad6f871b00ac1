/**
 * Task and process statuses, and every legal transition between them, in one place. The runtime
 * changes a status only through `transition` / `processTransition`, after its own preconditions
 * (permission, the process lock, "successors canceled" for undo) hold.
 */
import type { NodeKind } from "./types";

export const TASK_STATUSES = [
  // Created; waiting in a role's queue, or about to be run by the engine. Every task starts here.
  "new",
  // Has an owner who has not opened it yet.
  "assigned",
  // A job waiting in the queue, for its first attempt or for a retry.
  "scheduled",
  // Opened by its owner, being run by the engine or a worker, or (a join) waiting for branches.
  "started",
  "done",
  // Failed; waits in the admin error queue to be revived or canceled.
  "error",
  "canceled",
  // Replaced by a fresh task with the same data (the revive action).
  "revived",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  "assign",
  "unassign",
  "reassign",
  "start",
  "activate",
  "schedule",
  "reschedule",
  "complete",
  "fail",
  "cancel",
  "undo",
  "revive",
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface Transition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

export const TASK_TRANSITIONS = {
  /** A user claims a queued task, or the runtime gives it to the user its assignment names. */
  assign: { from: ["new"], to: "assigned" },
  /** The owner (or an admin) puts the task back in the queue. */
  unassign: { from: ["assigned"], to: "new" },
  /** An admin gives the task to someone else, also when its owner had opened it and left. */
  reassign: { from: ["assigned", "started"], to: "assigned" },
  /**
   * The owner opens the task; a worker picks up a job. Also from started: the owner opens it again,
   * or the queue delivers a job again after its worker died (delivery is at least once).
   */
  start: { from: ["assigned", "scheduled", "started"], to: "started" },
  /** The engine begins a task it runs itself (start, handler, gateway, join, subprocess, end). */
  activate: { from: ["new"], to: "started" },
  /** A job task is put in the job queue, in the transaction that created it. */
  schedule: { from: ["new"], to: "scheduled" },
  /** A job attempt failed and retries remain: back in the queue after the backoff. */
  reschedule: { from: ["started"], to: "scheduled" },
  /** The work is done (for a view: its form data was valid and merged). */
  complete: { from: ["started"], to: "done" },
  /**
   * The work threw and will not be retried on its own. Also from new: a view created after a job
   * fails while being created (its `assign` or `onCreate` threw), and must wait in the error queue.
   */
  fail: { from: ["new", "started"], to: "error" },
  /** An admin, a process cancel, an end node, a join going on early or a first split's winner stops a task that is not finished. */
  cancel: { from: ["new", "assigned", "scheduled", "started", "error"], to: "canceled" },
  /** An admin reverts a done task; the runtime first cancels its successors, and refuses if one has started. */
  undo: { from: ["done"], to: "canceled" },
  /** An admin retries a failed or canceled task: a fresh task with the same data replaces it. */
  revive: { from: ["error", "canceled"], to: "revived" },
} as const satisfies Record<TaskAction, Transition<TaskStatus>>;

const ENGINE_RUN = ["activate", "complete", "fail", "cancel", "undo", "revive"] as const;

/** The actions each node kind's activation supports; anything else is refused whatever the status. */
export const NODE_ACTIONS = {
  // A start's task is created, activated and completed in the transaction that creates the process.
  start: ["activate", "complete"],
  startHandle: ["activate", "complete"],
  view: ["assign", "unassign", "reassign", "start", "complete", "fail", "cancel", "undo", "revive"],
  handler: ENGINE_RUN,
  // Waits new for its signal, which activates and completes it.
  handle: ENGINE_RUN,
  job: ["schedule", "start", "reschedule", "complete", "fail", "cancel", "undo", "revive"],
  if: ENGINE_RUN,
  switch: ENGINE_RUN,
  split: ENGINE_RUN,
  // Started while its branches race; completed by the first to finish.
  splitFirst: ENGINE_RUN,
  join: ENGINE_RUN,
  // A done subprocess cannot be undone: its child process has ended and cannot be taken back.
  subprocess: ["activate", "complete", "fail", "cancel", "revive"],
  end: ["activate", "complete"],
  // An obsolete task can only be stopped (viewflow's Obsolete node does the same).
  obsolete: ["cancel"],
} as const satisfies Record<NodeKind, readonly TaskAction[]>;

/** Why a transition was refused; `message` is safe to show. */
export type TransitionError<S extends string, A extends string> =
  | {
      readonly code: "status-not-allowed";
      readonly action: A;
      readonly status: S;
      readonly allowed: readonly S[];
      readonly message: string;
    }
  | {
      readonly code: "node-not-supported";
      readonly action: A;
      readonly kind: NodeKind;
      readonly supported: readonly A[];
      readonly message: string;
    };

export type TransitionResult<S extends string, A extends string> =
  { readonly ok: true; readonly to: S } | { readonly ok: false; readonly error: TransitionError<S, A> };

/**
 * The status a task goes to when `action` is done to it, or why it cannot be. With `kind`, also
 * refuses actions that node kind does not support (assigning a job, undoing an end).
 */
export function transition(status: TaskStatus, action: TaskAction, kind?: NodeKind): TransitionResult<TaskStatus, TaskAction> {
  if (kind !== undefined) {
    const supported: readonly TaskAction[] = NODE_ACTIONS[kind];
    if (!supported.includes(action)) {
      return {
        ok: false,
        error: {
          code: "node-not-supported",
          action,
          kind,
          supported,
          message: `A ${kind} task cannot ${action}; it supports ${supported.join(", ")}.`,
        },
      };
    }
  }
  return applyTransition(TASK_TRANSITIONS, "task", status, action);
}

/**
 * Process statuses. There is no "new": a process is created by the transaction that completes its
 * start task, so it is never seen before it runs.
 */
export const PROCESS_STATUSES = [
  "running",
  // At least one task is in error; the process goes on where it can.
  "error",
  "done",
  "canceled",
] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const PROCESS_ACTIONS = ["fail", "recover", "finish", "cancel"] as const;
export type ProcessAction = (typeof PROCESS_ACTIONS)[number];

export const PROCESS_TRANSITIONS = {
  /** A task failed. Again while in error: stays in error, so the runtime need not look first. */
  fail: { from: ["running", "error"], to: "error" },
  /** The last task in error was revived or canceled. */
  recover: { from: ["error"], to: "running" },
  /** An end node was reached; tasks still open were canceled with it. */
  finish: { from: ["running", "error"], to: "done" },
  /** An admin canceled the whole process and its open tasks. */
  cancel: { from: ["running", "error"], to: "canceled" },
} as const satisfies Record<ProcessAction, Transition<ProcessStatus>>;

/** The status a process goes to when `action` is done to it, or why it cannot be. */
export function processTransition(status: ProcessStatus, action: ProcessAction): TransitionResult<ProcessStatus, ProcessAction> {
  return applyTransition(PROCESS_TRANSITIONS, "process", status, action);
}

function applyTransition<S extends string, A extends string>(
  table: Record<A, Transition<S>>,
  subject: "task" | "process",
  status: S,
  action: A,
): TransitionResult<S, A> {
  const { from, to } = table[action];
  if (from.includes(status)) return { ok: true, to };
  return {
    ok: false,
    error: {
      code: "status-not-allowed",
      action,
      status,
      allowed: from,
      message: `Cannot ${action} a ${subject} that is ${status}; ${action} needs a ${subject} that is ${from.join(" or ")}.`,
    },
  };
}
