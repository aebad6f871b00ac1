/**
 * Who may work on a human task. Checked after the task was found in its flow and process
 * (lock-process.ts `lockTask`), before any status is looked at.
 */
import { isPermitted, transition, type AnyNode, type FlowUser, type ObsoleteNode, type TaskAction } from "@/lib/flow";
import { FlowError } from "./errors";
import type { FlowWork, LoadedProcess } from "./flow-work";
import type { NodeOfKind } from "./activate";
import { isOpen, type TaskRow } from "./rows";

/**
 * Whether `user` is someone the task is for: a task offered to a role's queue is for everyone holding
 * that role (also after one of them claimed it); a task given to a user is for that user. On top, the
 * node's `permission` must admit them (e.g. four eyes).
 */
export function isFor(work: FlowWork, process: LoadedProcess, task: TaskRow, node: NodeOfKind<"view">, user: FlowUser): boolean {
  const offered = task.ownerRole !== null ? user.roles.some((role) => role === task.ownerRole) : task.assigneeId === user.id;
  if (!offered) return false;
  return isPermitted(node.permission, { process: work.processView(process), task: work.taskView(task), user });
}

/**
 * The human task an action needs, or a refusal: not a view (a job cannot be claimed) → invalid_transition;
 * not for this user → forbidden.
 */
export function requireHumanTask(
  work: FlowWork,
  process: LoadedProcess,
  task: TaskRow,
  node: AnyNode | ObsoleteNode,
  action: TaskAction,
  user: FlowUser,
): NodeOfKind<"view"> {
  if (node.kind !== "view") throw refused(task, action, node.kind);
  if (!isFor(work, process, task, node, user)) {
    throw new FlowError("forbidden", `User ${user.id} may not ${action} task ${task.id} (${task.nodeName}).`, {
      userMessage: "This task is not for you.",
    });
  }
  return node;
}

/**
 * The task must be the user's own and still open: taken by someone else, or finished → no_longer_yours.
 * Called only for users the task is for (`isFor`), so it says nothing others may not know.
 */
export function requireOwnOpenTask(task: TaskRow, user: FlowUser): void {
  if (!isOpen(task.status) || task.status === "error") {
    throw new FlowError("no_longer_yours", `Task ${task.id} is ${task.status}.`, {
      userMessage: `This task is no longer open: it is ${task.status === "revived" ? "replaced" : task.status}.`,
    });
  }
  if (task.assigneeId !== null && task.assigneeId !== user.id) {
    throw new FlowError("no_longer_yours", `Task ${task.id} is assigned to ${task.assigneeId}, not ${user.id}.`, {
      userMessage: "Someone else has taken this task.",
    });
  }
}

/** The refusal the status table gives for `action` on this task and kind. */
export function refused(task: TaskRow, action: TaskAction, kind: AnyNode["kind"] | "obsolete"): FlowError {
  const result = transition(task.status, action, kind);
  const message = result.ok ? `A ${kind} task cannot ${action}.` : result.error.message;
  return new FlowError("invalid_transition", `Task ${task.id} (${task.nodeName}): ${message}`, { userMessage: message });
}
