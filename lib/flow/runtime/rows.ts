/**
 * The stored process and task, as the runtime holds them in memory between loading them under the
 * process lock and writing them back (queries.ts). Times are ISO strings, as PostgreSQL's JSON
 * gives them; ids are uuids made here.
 */
import type { NodeKind, ProcessStatus, TaskStatus } from "@/lib/flow";

export interface ProcessRow {
  id: string;
  flowName: string;
  flowVersion: number;
  status: ProcessStatus;
  data: Record<string, unknown>;
  createdById: string;
  parentTaskId: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What a failure left on its task: the message, the stack, and the attempt it happened on. */
export interface TaskError {
  message: string;
  stack: string | null;
  attempts: number;
  /** The node that threw, when it is not the task's own (e.g. an `onCreate` hook). */
  at?: string;
}

export interface TaskRow {
  id: string;
  processId: string;
  flowName: string;
  nodeName: string;
  nodeKind: NodeKind;
  status: TaskStatus;
  assigneeId: string | null;
  ownerRole: string | null;
  title: string;
  description: string;
  priority: number;
  dueAt: string | null;
  data: unknown;
  error: TaskError | null;
  token: string | null;
  attempts: number;
  revivedFromId: string | null;
  finishedById: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

/** Columns in table order; the write statement lists them explicitly. */
export const PROCESS_COLUMNS = [
  "id",
  "flowName",
  "flowVersion",
  "status",
  "data",
  "createdById",
  "parentTaskId",
  "createdAt",
  "updatedAt",
  "finishedAt",
] as const satisfies readonly (keyof ProcessRow)[];

export const TASK_COLUMNS = [
  "id",
  "processId",
  "flowName",
  "nodeName",
  "nodeKind",
  "status",
  "assigneeId",
  "ownerRole",
  "title",
  "description",
  "priority",
  "dueAt",
  "data",
  "error",
  "token",
  "attempts",
  "revivedFromId",
  "finishedById",
  "createdAt",
  "startedAt",
  "finishedAt",
  "updatedAt",
] as const satisfies readonly (keyof TaskRow)[];

/**
 * A task that still needs someone (a person, the queue, the engine or an admin). The SQL function
 * `flow_lock_process` (migration 20261122100000_workflow) lists the same statuses.
 */
export const OPEN_STATUSES = ["new", "assigned", "scheduled", "started", "error"] as const satisfies readonly TaskStatus[];

export function isOpen(status: TaskStatus): boolean {
  return (OPEN_STATUSES as readonly TaskStatus[]).includes(status);
}

/** One audit row: who did what to which task, from which status to which. */
export interface AuditRow {
  processId: string;
  taskId: string | null;
  userId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  at: string;
  details: Record<string, unknown> | null;
}

/** A job for the queue, added by the statement that writes the task that needs it. */
export interface JobSpec {
  payload: { taskId: string; processId: string; flowName: string };
  runAt: string;
  jobKey: string;
  maxAttempts: number;
}
