import { can, type Permission as NamedPermission } from "@/lib/auth/permissions";
import { addDuration } from "./duration";
import type { Duration, FlowContext, FlowUser, HistoryTask, PermissionContext, ProcessHistory, Role, UserId } from "./types";

export type { NamedPermission };

/** A text shown on a task: fixed, or computed from the process when the task is created. */
export type TaskText<D> = string | ((ctx: FlowContext<D>) => string);

/** Options every node takes. */
export interface NodeOptions<D> {
  /** The task's title in inboxes, histories and the drawn flow. Default: the node's name in words ("checkCost" → "Check cost"). */
  readonly title?: TaskText<D>;
  /** A longer text shown on the task. Default: none. */
  readonly description?: TaskText<D>;
}

/** Who a task goes to: the queue of a role, or one user. */
export type Assignee = { readonly role: Role } | { readonly user: UserId };

/** Offers a task to everyone with the role `name`; one of them claims it (the `assign` action). */
export function role(name: Role): Assignee {
  return { role: name };
}

/** Fixed, or computed when the task is created; a computed user id assigns the task to that user at once. */
export type Assignment<D> = Assignee | ((ctx: FlowContext<D>) => Assignee | UserId);

/** Any signed-in user may (the guard has checked they may use the app); the name Viewflow's open nodes have. */
export const ANYONE = "anyone";

/**
 * Who may do something: the holders of a named permission (lib/auth/permissions.ts, e.g.
 * "flow.start"), any signed-in user (`"anyone"`), or whoever the predicate accepts (four eyes:
 * `({ user, process }) => user.id !== process.createdBy`; `holds(user, name)` asks for a permission in one).
 */
export type Permission<Ctx extends { readonly user: FlowUser }> = NamedPermission | typeof ANYONE | ((ctx: Ctx) => boolean);

/** Whether the user holds the named permission (lib/auth/permissions.ts), through any of their roles. */
export function holds(user: FlowUser, permission: NamedPermission): boolean {
  return can(user, permission);
}

/** When a task is due: a duration after it is created, or a date computed then. */
export type Due<D> = Duration | ((ctx: FlowContext<D> & { readonly now: Date }) => Date);

/** Higher comes first in inboxes and queues. */
export type Priority<D> = number | ((ctx: FlowContext<D>) => number);

/** Options of a task a person does (a view). */
export interface HumanTaskOptions<D> extends NodeOptions<D> {
  /**
   * Who the task goes to: `role("reviewer")` puts it in the reviewers' queue, where one of them claims it;
   * a function may return a user id, and the task is assigned to that user at once. Required: a task
   * nobody is offered would wait forever.
   */
  readonly assign: Assignment<D>;
  /**
   * Who may claim and do the task, on top of the assignment: holders of a named permission,
   * `"anyone"`, or a predicate (e.g. four eyes: `({ user, process }) => user.id !== process.createdBy`).
   * Holders of `flow.manage` may cancel, undo, revive, reassign and unassign it whatever it says.
   * Default: whoever the assignment names.
   */
  readonly permission?: Permission<PermissionContext<D>>;
  /** Runs inside the transaction that creates the task, e.g. to notify its owner. Default: none. */
  readonly onCreate?: (ctx: FlowContext<D>) => void | Promise<void>;
  /** When the task is due. Default: never. */
  readonly due?: Due<D>;
  /** Higher comes first. Default: 0. */
  readonly priority?: Priority<D>;
}

/** The assignee a task is created with. A computed user id means that user. */
export function assigneeOf<D>(assignment: Assignment<D>, ctx: FlowContext<D>): Assignee {
  const assignee = typeof assignment === "function" ? assignment(ctx) : assignment;
  return typeof assignee === "string" ? { user: assignee } : assignee;
}

/** Whether a permission admits the user. No permission admits everyone (the caller checks the rest). */
export function isPermitted<Ctx extends { readonly user: FlowUser }>(permission: Permission<Ctx> | undefined, ctx: Ctx): boolean {
  if (permission === undefined || permission === ANYONE) return true;
  return typeof permission === "function" ? permission(ctx) : can(ctx.user, permission);
}

/** The due date of a task created at `now`, or null when it has none. */
export function dueAt<D>(due: Due<D> | undefined, ctx: FlowContext<D>, now: Date): Date | null {
  if (due === undefined) return null;
  return typeof due === "function" ? due({ ...ctx, now }) : addDuration(now, due);
}

/** The priority a task is created with. */
export function priorityOf<D>(priority: Priority<D> | undefined, ctx: FlowContext<D>): number {
  if (priority === undefined) return 0;
  return typeof priority === "function" ? priority(ctx) : priority;
}

/** A history over the given tasks (oldest first). The runtime builds it; tests may too. */
export function processHistory(tasks: readonly HistoryTask[]): ProcessHistory {
  return {
    tasks,
    last: (node) => tasks.findLast((task) => task.node === node && task.status === "done") ?? null,
  };
}
