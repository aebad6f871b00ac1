/**
 * What one action changes, held in memory under the process lock and written in one statement at
 * the end (queries.ts `writeChanges`). Every status change goes through `move` / `moveProcess`,
 * which ask lib/flow/status.ts and write the audit row; nothing else sets a status.
 */
import { randomUUID } from "node:crypto";
import {
  nodeOf,
  obsoleteNode,
  processHistory,
  processTransition,
  transition,
  type AnyFlow,
  type AnyNode,
  type FlowContext,
  type HistoryTask,
  type ObsoleteNode,
  type ProcessAction,
  type ProcessHistory,
  type ProcessView,
  type TaskAction,
  type TaskView,
} from "@/lib/flow";
import { FlowError } from "./errors";
import { lockProcess, selectArrivals, selectHistory, selectTask, writeChanges, type Tx } from "./queries";
import type { FlowRegistry } from "./registry";
import { isOpen, type AuditRow, type JobSpec, type ProcessRow, type TaskRow } from "./rows";

/** How failures of the nodes the engine runs are handled (the seed's two strategies). */
export type WorkMode =
  /** After a person's task: any failure rolls everything back and the person sees the message. */
  | "user"
  /** After a job: the job's result stands; a node that fails is saved in error for an admin. */
  | "job";

/** A process locked (or created) by this work, with its flow. */
export interface LoadedProcess {
  readonly row: ProcessRow;
  readonly flow: AnyFlow;
}

/**
 * Attempts the queue allows a flow job. Our runtime decides retries itself (the node's `retries` and
 * `backoff`), so a job attempt that fails in author code never throws to the queue. The queue's own
 * attempts only count deliveries: a job whose worker was killed has used one, and graphile-worker
 * makes a job available again only while `attempts < max_attempts` (its `is_available` column), so
 * 1 would leave such a job stuck for good.
 */
export const QUEUE_MAX_ATTEMPTS = 10;

/**
 * Thrown when a callback reads the history of a process whose history this work did not load. The
 * action runs again from the start (nothing is written before the end), loading the history of
 * that flow's processes from then on: a flow whose callbacks never read it never loads it.
 * @internal
 */
export class HistoryNeeded extends Error {
  constructor(readonly flowName: string) {
    super(`Flow "${flowName}" reads the process history; the action runs again with it loaded.`);
    this.name = "HistoryNeeded";
  }
}

/** Flows whose callbacks have read the history: their processes' histories load with the lock. @internal */
export const READS_HISTORY = new Set<string>();

export class FlowWork {
  readonly nowIso: string;
  private readonly processes = new Map<string, LoadedProcess>();
  private readonly tasks = new Map<string, TaskRow>();
  private readonly dirtyProcesses = new Set<string>();
  private readonly dirtyTasks = new Set<string>();
  private readonly created = new Set<string>();
  private previous: { taskId: string; previousId: string }[] = [];
  private audit: AuditRow[] = [];
  private jobs: JobSpec[] = [];
  private completions: TaskRow[] = [];
  private readonly histories = new Map<string, TaskRow[]>();
  private readonly createdProcesses = new Set<string>();
  /** Subprocess tasks whose children are being started: a child that ends at once does not complete them yet. */
  readonly startingChildren = new Set<string>();

  constructor(
    readonly tx: Tx,
    readonly registry: FlowRegistry,
    readonly now: Date,
    readonly mode: WorkMode,
    /** The user the action is done by; null for the engine on its own (a job's worker). */
    readonly actorId: string | null,
  ) {
    this.nowIso = now.toISOString();
  }

  // ─── Loading ────────────────────────────────────────────────────────────────

  /**
   * Locks the process (SELECT … FOR UPDATE, scoped by flow) and loads its open tasks, and the task
   * `taskId` whatever its status. Locking one this work already holds returns it as loaded.
   * @throws {FlowError} not_found when it is not a process of that flow
   */
  async lock(processId: string, flowName: string, taskId: string | null = null): Promise<LoadedProcess> {
    const known = this.processes.get(processId);
    if (known) {
      if (known.row.flowName !== flowName) throw notFound();
      return known;
    }
    const flow = this.registry.get(flowName);
    const locked = await lockProcess(this.tx, processId, flowName, taskId);
    if (!locked) throw notFound();
    const loaded = { row: locked.process, flow };
    this.processes.set(processId, loaded);
    for (const task of locked.open) this.tasks.set(task.id, task);
    if (locked.task && !this.tasks.has(locked.task.id)) this.tasks.set(locked.task.id, locked.task);
    if (READS_HISTORY.has(flowName)) this.histories.set(processId, await selectHistory(this.tx, processId));
    return loaded;
  }

  /** A task of a locked process, whatever its status; null when it is not one of that process's. */
  async task(process: LoadedProcess, taskId: string): Promise<TaskRow | null> {
    const known = this.tasks.get(taskId);
    if (known) return known.processId === process.row.id ? known : null;
    const row = await selectTask(this.tx, taskId, process.row.id);
    if (row) this.tasks.set(row.id, row);
    return row;
  }

  /** A task this work already holds (loaded or created), by id alone. */
  known(taskId: string): TaskRow | null {
    return this.tasks.get(taskId) ?? null;
  }

  /** The process's tasks that still need someone, as they stand in this work. */
  openTasks(process: LoadedProcess): TaskRow[] {
    return [...this.tasks.values()].filter((task) => task.processId === process.row.id && isOpen(task.status));
  }

  /** A process this work holds (locked or created), by id. */
  knownProcess(processId: string): LoadedProcess | null {
    return this.processes.get(processId) ?? null;
  }

  /** The processes this work holds that a subprocess task started. */
  processesStartedBy(taskId: string): LoadedProcess[] {
    return [...this.processes.values()].filter((process) => process.row.parentTaskId === taskId);
  }

  /** The tasks that arrived at a join, in the order they arrived: stored links, then this work's. */
  async arrivalsAt(join: TaskRow): Promise<TaskRow[]> {
    const stored = this.created.has(join.id) ? [] : await selectArrivals(this.tx, join.id);
    const ids = [...stored.map((row) => row.id), ...this.previous.filter((link) => link.taskId === join.id).map((link) => link.previousId)];
    const byId = new Map(stored.map((row) => [row.id, row]));
    return [...new Set(ids)].flatMap((id) => {
      const row = this.tasks.get(id) ?? byId.get(id);
      return row ? [row] : [];
    });
  }

  /** The process a task belongs to, among those this work holds. */
  processOf(task: TaskRow): LoadedProcess {
    const process = this.processes.get(task.processId);
    if (!process) throw new Error(`Process ${task.processId} is not locked by this work.`);
    return process;
  }

  /** The node a task stands for; an obsolete node when the flow no longer has it (or it changed kind). */
  nodeOf(process: LoadedProcess, task: TaskRow): AnyNode | ObsoleteNode {
    const node = nodeOf(process.flow, task.nodeName);
    return node.kind === task.nodeKind ? node : obsoleteNode(task.nodeName);
  }

  // ─── Creating ───────────────────────────────────────────────────────────────

  /** A new process, running, with its data already parsed by the flow's schema. */
  createProcess(flow: AnyFlow, data: Record<string, unknown>, createdById: string, parentTaskId: string | null): LoadedProcess {
    const row: ProcessRow = {
      id: randomUUID(),
      flowName: flow.name,
      flowVersion: flow.version,
      status: "running",
      data,
      createdById,
      parentTaskId,
      createdAt: this.nowIso,
      updatedAt: this.nowIso,
      finishedAt: null,
    };
    const loaded = { row, flow };
    this.processes.set(row.id, loaded);
    this.createdProcesses.add(row.id);
    this.dirtyProcesses.add(row.id);
    this.record(row.id, null, "start", null, "running", { flowVersion: flow.version, parentTaskId });
    return loaded;
  }

  /** A new task in status new, linked to the tasks it came from. */
  addTask(process: LoadedProcess, fields: NewTask): TaskRow {
    const row: TaskRow = {
      id: fields.id ?? randomUUID(),
      processId: process.row.id,
      flowName: process.row.flowName,
      nodeName: fields.node.name,
      nodeKind: fields.node.kind,
      status: "new",
      assigneeId: null,
      ownerRole: null,
      title: fields.title,
      description: fields.description ?? "",
      priority: fields.priority ?? 0,
      dueAt: fields.dueAt ?? null,
      data: fields.data ?? null,
      error: null,
      token: fields.token,
      attempts: 0,
      revivedFromId: fields.revivedFromId ?? null,
      finishedById: null,
      createdAt: this.nowIso,
      startedAt: null,
      finishedAt: null,
      updatedAt: this.nowIso,
    };
    this.tasks.set(row.id, row);
    this.created.add(row.id);
    this.dirtyTasks.add(row.id);
    for (const previousId of fields.previous) this.link(row, previousId);
    this.record(row.processId, row.id, "create", null, "new", fields.revivedFromId ? { revivedFrom: fields.revivedFromId } : null);
    return row;
  }

  /** Records that `task` came from `previousId` (a join gains one link per arriving branch). */
  link(task: TaskRow, previousId: string): void {
    this.previous.push({ taskId: task.id, previousId });
  }

  // ─── Changing ───────────────────────────────────────────────────────────────

  /**
   * Moves a task by `action`, as the status table allows for its node's kind, and writes the audit row.
   * @throws {FlowError} invalid_transition, changing nothing, when the table does not allow it
   */
  move(task: TaskRow, action: TaskAction, changes: Partial<TaskRow> = {}, details: Record<string, unknown> | null = null): void {
    const kind = this.nodeOf(this.processOf(task), task).kind;
    const result = transition(task.status, action, kind);
    if (!result.ok) {
      throw new FlowError("invalid_transition", `Task ${task.id} (${task.nodeName}): ${result.error.message}`, {
        userMessage: result.error.message,
      });
    }
    const from = task.status;
    Object.assign(task, changes, { status: result.to, updatedAt: this.nowIso });
    if (action === "start" || action === "activate") task.startedAt ??= this.nowIso;
    if (result.to === "done" || result.to === "canceled" || result.to === "revived") task.finishedAt = this.nowIso;
    if (action === "complete") this.completions.push(task);
    this.dirtyTasks.add(task.id);
    this.record(task.processId, task.id, action, from, result.to, details);
  }

  /** The tasks completed since the last call, of one process (a first split looks for its winner among them). */
  takeCompletions(process: LoadedProcess): TaskRow[] {
    const mine = this.completions.filter((task) => task.processId === process.row.id);
    this.completions = this.completions.filter((task) => task.processId !== process.row.id);
    return mine;
  }

  /** Changes fields of a task that are not its status (e.g. the error of a rescheduled job). */
  update(task: TaskRow, changes: Partial<Omit<TaskRow, "status">>): void {
    Object.assign(task, changes, { updatedAt: this.nowIso });
    this.dirtyTasks.add(task.id);
  }

  /**
   * Moves a process by `action` and writes the audit row.
   * @throws {FlowError} invalid_transition when the table does not allow it
   */
  moveProcess(process: LoadedProcess, action: ProcessAction, details: Record<string, unknown> | null = null): void {
    const result = processTransition(process.row.status, action);
    if (!result.ok)
      throw new FlowError("invalid_transition", `Process ${process.row.id}: ${result.error.message}`, {
        userMessage: result.error.message,
      });
    const from = process.row.status;
    process.row.status = result.to;
    process.row.updatedAt = this.nowIso;
    if (result.to === "done" || result.to === "canceled") process.row.finishedAt = this.nowIso;
    this.dirtyProcesses.add(process.row.id);
    this.record(process.row.id, null, action, from, result.to, details);
  }

  /** Replaces the process data (already parsed by the flow's schema). */
  setData(process: LoadedProcess, data: Record<string, unknown>): void {
    process.row.data = data;
    process.row.updatedAt = this.nowIso;
    this.dirtyProcesses.add(process.row.id);
  }

  /** An admin's correction of the process data, audited with the data before and after. */
  correctData(process: LoadedProcess, data: Record<string, unknown>): void {
    const before = process.row.data;
    this.setData(process, data);
    this.record(process.row.id, null, "correct_data", null, null, { before, after: data });
  }

  /** Puts a job task in the queue when this work commits; the task id is the job key, so a second add replaces the first. */
  enqueue(task: TaskRow, runAt: Date = this.now): void {
    this.jobs = this.jobs.filter((job) => job.payload.taskId !== task.id);
    this.jobs.push({
      payload: { taskId: task.id, processId: task.processId, flowName: task.flowName },
      runAt: runAt.toISOString(),
      jobKey: `flow-task:${task.id}`,
      maxAttempts: QUEUE_MAX_ATTEMPTS,
    });
  }

  private record(
    processId: string,
    taskId: string | null,
    action: string,
    fromStatus: string | null,
    toStatus: string | null,
    details: Record<string, unknown> | null,
  ) {
    this.audit.push({ processId, taskId, userId: this.actorId, action, fromStatus, toStatus, at: this.nowIso, details });
  }

  // ─── Callback views ─────────────────────────────────────────────────────────

  processView(process: LoadedProcess): ProcessView<Record<string, unknown>> {
    return { id: process.row.id, data: process.row.data, createdBy: process.row.createdById };
  }

  taskView(task: TaskRow): TaskView {
    return { id: task.id, node: task.nodeName, ownerId: task.assigneeId };
  }

  /**
   * What a callback receives: the process, the task, `extra` (a view's form, a join's arrivals…),
   * and the process's history, read only when a callback reads it. The history is not enumerable,
   * so spreading a context never reads it by accident; callers pass `extra` here instead.
   */
  context<E extends object = object>(process: LoadedProcess, task: TaskView, extra?: E): FlowContext<Record<string, unknown>> & E {
    const ctx = { process: this.processView(process), task, ...extra } as FlowContext<Record<string, unknown>> & E;
    Object.defineProperty(ctx, "history", { enumerable: false, get: () => this.history(process) });
    return ctx;
  }

  /**
   * The process's tasks so far, oldest first, as they stand in this work.
   * @throws {HistoryNeeded} when it was not loaded with the lock (the action then runs again)
   */
  history(process: LoadedProcess): ProcessHistory {
    const stored = this.histories.get(process.row.id);
    if (!stored && !this.createdProcesses.has(process.row.id)) throw new HistoryNeeded(process.row.flowName);
    const ids = new Set((stored ?? []).map((task) => task.id));
    const mine = [...this.tasks.values()].filter((task) => task.processId === process.row.id && !ids.has(task.id));
    const rows = [...(stored ?? []).map((task) => this.tasks.get(task.id) ?? task), ...mine];
    return processHistory(rows.map((task) => this.historyTask(task)));
  }

  /** Loads the process's history now, whether or not its flow was known to read it (a job's snapshot has it). */
  async loadHistory(process: LoadedProcess): Promise<ProcessHistory> {
    if (!this.histories.has(process.row.id) && !this.createdProcesses.has(process.row.id)) {
      this.histories.set(process.row.id, await selectHistory(this.tx, process.row.id));
    }
    return this.history(process);
  }

  /** A task as callbacks read it. */
  historyTask(task: TaskRow): HistoryTask {
    return {
      id: task.id,
      node: task.nodeName,
      status: task.status,
      ownerId: task.assigneeId,
      finishedById: task.finishedById,
      data: task.data,
      createdAt: new Date(task.createdAt),
      finishedAt: task.finishedAt ? new Date(task.finishedAt) : null,
    };
  }

  // ─── Job mode: keep what went before a node that fails ─────────────────────

  /** A copy of everything in memory, to go back to when a node fails in job mode. */
  checkpoint(): Checkpoint {
    return {
      processes: new Map([...this.processes].map(([id, p]) => [id, { row: structuredClone(p.row), flow: p.flow }])),
      tasks: new Map([...this.tasks].map(([id, t]) => [id, structuredClone(t)])),
      dirtyProcesses: new Set(this.dirtyProcesses),
      dirtyTasks: new Set(this.dirtyTasks),
      created: new Set(this.created),
      previous: [...this.previous],
      audit: [...this.audit],
      jobs: [...this.jobs],
      completions: [...this.completions],
    };
  }

  /** Goes back to a checkpoint. Rows are restored in place, so references callers hold stay valid. */
  restore(checkpoint: Checkpoint): void {
    for (const [id, process] of this.processes) {
      const saved = checkpoint.processes.get(id);
      if (saved) Object.assign(process.row, saved.row);
      else this.processes.delete(id);
    }
    for (const [id, task] of this.tasks) {
      const saved = checkpoint.tasks.get(id);
      if (saved) Object.assign(task, saved);
      else this.tasks.delete(id);
    }
    replace(this.dirtyProcesses, checkpoint.dirtyProcesses);
    replace(this.dirtyTasks, checkpoint.dirtyTasks);
    replace(this.created, checkpoint.created);
    this.previous = [...checkpoint.previous];
    this.audit = [...checkpoint.audit];
    this.jobs = [...checkpoint.jobs];
    this.completions = checkpoint.completions.filter((task) => this.tasks.has(task.id));
  }

  // ─── Writing ────────────────────────────────────────────────────────────────

  /** Writes every change in one statement, with one notification per changed process. */
  async flush(): Promise<void> {
    const changed = new Map<string, Set<string>>();
    for (const row of this.audit) {
      const tasks = changed.get(row.processId) ?? new Set<string>();
      if (row.taskId) tasks.add(row.taskId);
      changed.set(row.processId, tasks);
    }
    const notifications = [...changed].map(([processId, taskIds]) => {
      const process = this.processes.get(processId);
      return JSON.stringify({
        flow: process?.row.flowName,
        process: processId,
        status: process?.row.status,
        // pg_notify payloads must stay under 8000 bytes.
        tasks: [...taskIds].slice(0, 50).map((id) => ({ id, status: this.tasks.get(id)?.status })),
      });
    });
    const tasks = [...this.dirtyTasks].map((id) => this.tasks.get(id)!);
    await writeChanges(this.tx, {
      processes: [...this.dirtyProcesses].map((id) => this.processes.get(id)!.row),
      tasks,
      // A finished task's half-filled forms go in the same transaction: never left stale, never lost early.
      finishedDrafts: tasks.filter((task) => !isOpen(task.status)).map((task) => task.id),
      previous: this.previous,
      audit: this.audit,
      jobs: this.jobs,
      notifications,
    });
  }
}

export interface NewTask {
  readonly id?: string;
  readonly node: AnyNode | ObsoleteNode;
  readonly previous: readonly string[];
  readonly token: string | null;
  readonly title: string;
  readonly description?: string;
  readonly priority?: number;
  readonly dueAt?: string | null;
  readonly data?: unknown;
  readonly revivedFromId?: string | null;
}

export interface Checkpoint {
  readonly processes: Map<string, LoadedProcess>;
  readonly tasks: Map<string, TaskRow>;
  readonly dirtyProcesses: Set<string>;
  readonly dirtyTasks: Set<string>;
  readonly created: Set<string>;
  readonly previous: { taskId: string; previousId: string }[];
  readonly audit: AuditRow[];
  readonly jobs: JobSpec[];
  readonly completions: TaskRow[];
}

function replace<T>(target: Set<T>, source: Set<T>): void {
  target.clear();
  for (const item of source) target.add(item);
}

export function notFound(): FlowError {
  return new FlowError("not_found", "No such process or task in this flow.");
}
