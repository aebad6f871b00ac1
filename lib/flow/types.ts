/**
 * The words of the flow engine. Every file in lib/flow uses these, and only these.
 *
 * flow          A named, versioned definition: a process schema and named nodes. Written by an author.
 * node          One named step of a flow (start, view, handler, job, if, …). Its name is its key in the flow.
 * edge          A link from one node to the next, with a kind: next, then, else, case, default, branch.
 * process       One run of a flow: a stored row with the flow's name and version, a status and process data.
 * process data  The typed state of a process, validated by the flow's process schema (its `z.infer`).
 * patch         Part of the process data, returned by a callback; the runtime merges it and validates again.
 * task          One activation of a node in a process: a stored row with the node's name and a status.
 * activation    Runtime code that moves one task through its statuses (the runtime, not this folder).
 * action        What is done to a task or a process: assign, start, complete, cancel, undo, revive, …
 * form          A zod object schema a person fills in to do a start or view task.
 * form data     The parsed output of a form; it reaches the process data through the node's `merge`.
 * owner         The user a task is assigned to.
 * role          A group of users ("engineer" | "reviewer" | "admin"). A task offered to a role waits in its queue.
 * permission    A named right of lib/auth/permissions.ts ("flow.start", "task.work", …); held through roles.
 *               A node may require one.
 * history       The tasks of a process so far, as callbacks read them (`history.last("check")`).
 * gateway       A node that only routes: if, switch, split, join. It does no work and changes no data.
 * job           Code run by the job queue, outside the process lock; it returns a patch when it ends.
 * attempt       One run of a job. A failed attempt is retried after a backoff, `retries` times at most.
 * branch        One parallel path opened by a split. A join waits for every branch its split opened.
 * token         What the tasks of one branch carry (the split's task and the branch), so a join can tell
 *               which branches to wait for.
 * error queue   The tasks in status error, for an admin to revive or cancel.
 * step          A builder value that is not a node yet (a view before `.next`, an if before `.else`).
 * obsolete node What a stored task name resolves to when the flow no longer has that node.
 */
import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { TaskStatus } from "./status";

export type { Role };

/** A flow's process schema: a zod object; its output type is the process data. */
export type ProcessSchema = z.ZodObject;

/** Ids are the database's strings; these names say which table they come from. */
export type UserId = string;
export type ProcessId = string;
export type TaskId = string;

/** The process as callbacks see it: read-only, its data typed by the flow's process schema. */
export interface ProcessView<D> {
  readonly id: ProcessId;
  readonly data: Readonly<D>;
  /** The user who started the process (for a start handle, the user the code started it for). */
  readonly createdBy: UserId;
}

/** The task a callback runs for. */
export interface TaskView {
  readonly id: TaskId;
  /** The node's name, as stored on the task row. */
  readonly node: string;
  /** Null while the task waits in a queue. */
  readonly ownerId: UserId | null;
}

/** A task of the process, as callbacks read it from the history. */
export interface HistoryTask {
  readonly id: TaskId;
  /** The node's name, as stored on the task row. */
  readonly node: string;
  readonly status: TaskStatus;
  /** The user it is (or was, when it finished) assigned to. */
  readonly ownerId: UserId | null;
  /** The person who completed it, for a person's task. */
  readonly finishedById: UserId | null;
  /** What it stored: a view's form data, a split's branches, a handle's input… */
  readonly data: unknown;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/**
 * The tasks of the process so far, oldest first, as they stand in the action that runs the
 * callback. Read them to decide from earlier work, e.g. assign the packing to whoever checked the
 * order: `assign: ({ history }) => history.last("checkOrder")?.finishedById ?? role("engineer")`.
 */
export interface ProcessHistory {
  /** Every task of the process, oldest first. */
  readonly tasks: readonly HistoryTask[];
  /** The latest done task of a node (Viewflow's `this.<node>`), or null when it has none. */
  last(node: string): HistoryTask | null;
}

/** What every node callback receives: one task of one process, and the process's history. */
export interface FlowContext<D> {
  readonly process: ProcessView<D>;
  readonly task: TaskView;
  /** The tasks of the process so far. Read only when used: a flow that never reads it never loads it. */
  readonly history: ProcessHistory;
}

/**
 * What a permission predicate receives: the user, and the task of the process it is asked about.
 * No history: the inbox asks it too, for every task it lists.
 */
export interface PermissionContext<D> {
  readonly process: ProcessView<D>;
  readonly task: TaskView;
  readonly user: FlowUser;
}

/** The signed-in user an action is done by. */
export interface FlowUser {
  readonly id: UserId;
  readonly roles: readonly Role[];
}

/** A callback context for an action a person does. */
export interface UserContext<D> extends FlowContext<D> {
  readonly user: FlowUser;
}

/** Part of the process data; the runtime merges it into the data and validates the result. */
export type ProcessPatch<D> = Partial<D>;

export const NODE_KINDS = [
  "start",
  "startHandle",
  "view",
  "handler",
  "handle",
  "job",
  "if",
  "switch",
  "split",
  "splitFirst",
  "join",
  "subprocess",
  "end",
  "obsolete",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = ["next", "then", "else", "case", "default", "branch"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** A link to the node named `to`. Conditional edges (case, branch) carry their condition. */
export interface Edge<T extends string = string, K extends EdgeKind = EdgeKind> {
  readonly kind: K;
  readonly to: T;
}

/** A length of time; the fields add up. */
export interface Duration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

declare const typeErrorBrand: unique symbol;
/**
 * What the compiler shows when it must refuse a flow: the sentence in `Message`.
 * No value has this type, so nothing else is assignable to it.
 */
export type TypeError<Message extends string> = Message & { readonly [typeErrorBrand]: true };

declare const incompleteBrand: unique symbol;
/**
 * Marks a builder step that is not a node yet (a view before `.next`, an if before `.else`).
 * `Hint` says what to add; `flow()` shows it when a step is used as a node.
 * @internal
 */
export interface Incomplete<Hint extends string> {
  readonly [incompleteBrand]: Hint;
}
