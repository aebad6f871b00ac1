/**
 * Activations: what each node kind does when the process reaches it, inside the transaction that
 * holds the process lock (lib/flow/index.ts describes each kind). Views wait for a person, handles
 * for a signal, jobs for the queue, joins for their branches, a first split for its first branch to finish; every other
 * kind runs at once, and the nodes after it too.
 *
 * Failures follow the seed's two strategies (FlowWork's mode): after a person's task, anything a
 * node throws rolls the whole transaction back; after a job, the failing node is saved in error,
 * with its stack, for the admin error queue, and what went before it stands.
 */
import { randomUUID } from "node:crypto";
import {
  assigneeOf,
  descriptionOf,
  dueAt,
  joinState,
  nextNodes,
  priorityOf,
  titleOf,
  type AnyFlow,
  type AnyNode,
  type BranchState,
  type ChildProcess,
  type ObsoleteNode,
} from "@/lib/flow";
import { adjacency, flowGraph, reachable } from "@/lib/flow/graph";
import { fieldErrors, FlowError } from "./errors";
import { HistoryNeeded, type FlowWork, type LoadedProcess } from "./flow-work";
import { selectChildProcesses, selectOpenChildProcesses, selectTaskOwner } from "./queries";
import type { TaskRow } from "./rows";
import { signalAddressOf } from "./signal-token";

/** The nodes of one kind, with their names. */
export type NodeOfKind<K extends AnyNode["kind"]> = Extract<AnyNode, { readonly kind: K }>;

/** A node the process is about to reach, and where from. */
export interface Pending {
  /** The id its task gets; default: a new uuid. */
  readonly id?: string;
  readonly node: AnyNode;
  /** The tasks it comes from. */
  readonly previous: readonly string[];
  /** The split branch it is on. */
  readonly token: string | null;
  /** Task data to start with (a revived task keeps its predecessor's). */
  readonly data?: unknown;
  /** The task it replaces (a revive, or an undo that runs the node again). */
  readonly revivedFromId?: string;
}

/** What a split (or first split) stores on its task: the branch tokens it opened, and a first split's winner. */
export interface SplitData {
  readonly branches: readonly string[];
  readonly winner?: string;
}

/** What a join stores on its task: its split's task and the branches it waits for. */
export interface JoinData {
  readonly split: string;
  readonly branches: readonly string[];
}

/** What a subprocess per item stores on its task: its children, in item order. */
export interface ChildrenData {
  readonly children: readonly string[];
}

/**
 * Runs the nodes a process reaches, and the ones after them, until each path waits or ends. As in
 * Viewflow (2.2.3 on), a join is looked at only once no other node is left to run: every
 * synchronous branch reaches its waiting point (or the join) first, so a join never decides while
 * an arrival is still queued, and arrivals at one join within one run are one decision. Before each
 * node, a first split whose branch has just finished cancels the others, and nodes still queued on
 * a branch that lost are dropped.
 */
export async function runNodes(work: FlowWork, process: LoadedProcess, pending: readonly Pending[]): Promise<void> {
  const queue = [...pending];
  const arrivals: Pending[] = [];
  const joins: TaskRow[] = [];
  for (;;) {
    // An end node finished the process: the other paths stop with it.
    if (process.row.status === "done" || process.row.status === "canceled") return;
    await settleFirstSplits(work, process);
    const item = queue.shift();
    if (item && onLosingBranch(work, item.token)) continue;
    if (item?.node.kind === "join") {
      arrivals.push(item);
    } else if (item) {
      queue.push(...(await guarded(work, process, item, () => activate(work, process, item))));
    } else if (arrivals.length > 0) {
      for (const arrival of arrivals.splice(0)) {
        const join = await guarded(work, process, arrival, async () => [await arriveAtJoin(work, process, arrival)]);
        for (const task of join) if (!joins.includes(task)) joins.push(task);
      }
    } else {
      const join = joins.shift();
      if (!join) return;
      if (join.status !== "started") continue;
      queue.push(...(await guardedJoin(work, process, join)));
    }
  }
}

/**
 * Runs one node. After a person's task (user mode) a failure throws and everything rolls back;
 * after a job it is saved on the node's task, in error, and what went before it stands.
 */
async function guarded<T>(work: FlowWork, process: LoadedProcess, item: Pending, run: () => Promise<T[]>): Promise<T[]> {
  if (work.mode === "user") return run();
  const checkpoint = work.checkpoint();
  try {
    return await run();
  } catch (error) {
    if (!isNodeFailure(error)) throw error;
    work.restore(checkpoint);
    saveFailedNode(work, process, item, error);
    return [];
  }
}

/** Decides a join, with a job's failure saved on the join task itself. */
async function guardedJoin(work: FlowWork, process: LoadedProcess, join: TaskRow): Promise<Pending[]> {
  if (work.mode === "user") return evaluateJoin(work, process, join);
  const checkpoint = work.checkpoint();
  try {
    return await evaluateJoin(work, process, join);
  } catch (error) {
    if (!isNodeFailure(error)) throw error;
    work.restore(checkpoint);
    failTask(work, process, join, error.cause ?? error);
    return [];
  }
}

/** The nodes after `task`: its node's targets (or `names`), on its branch unless told otherwise. */
export function after(process: LoadedProcess, task: TaskRow, names: readonly string[], token: string | null = task.token): Pending[] {
  return names.map((name) => ({ node: nodeNamed(process.flow, name), previous: [task.id], token }));
}

/** The targets of a node's `next` edge (a view's `overdue` edge is taken only when it is overdue). */
export function nextOf(node: AnyNode | ObsoleteNode): string[] {
  return node.edges.filter((edge) => edge.kind === "next").map((edge) => edge.to);
}

async function activate(work: FlowWork, process: LoadedProcess, item: Pending): Promise<Pending[]> {
  const { node } = item;
  switch (node.kind) {
    case "view":
      await createView(work, process, node, item);
      return [];
    case "handle":
      await createHandle(work, process, node, item);
      return [];
    case "job": {
      const task = work.addTask(process, fields(work, process, node, item, item.id ?? null));
      work.move(task, "schedule");
      work.enqueue(task);
      return [];
    }
    // runNodes holds arrivals at a join back until nothing else is left to run.
    case "join":
      throw new Error(`Node "${node.name}" is a join; runNodes decides joins.`);
    // checkFlow refuses edges into a start node.
    case "start":
    case "startHandle":
      throw new Error(`Node "${node.name}" is a start node; nothing leads to it.`);
  }

  const task = work.addTask(process, fields(work, process, node, item, item.id ?? null));
  work.move(task, "activate");
  const ctx = work.context(process, work.taskView(task));
  switch (node.kind) {
    case "handler": {
      const patch = authored(node, () => node.run(ctx));
      mergeData(work, process, node, patch ?? {});
      work.move(task, "complete");
      return after(process, task, nextOf(node));
    }
    case "if":
    case "switch": {
      const names = authored(node, () => nextNodes(node, ctx));
      work.move(task, "complete", {}, { to: names });
      return after(process, task, names);
    }
    case "split":
    case "splitFirst": {
      const opened = authored(node, () =>
        node.edges.flatMap((edge, index) => ((edge.when?.(ctx) ?? true) ? [{ to: edge.to, token: branchToken(task, index) }] : [])),
      );
      if (opened.length === 0) throw nodeFailed(node, new Error("no branch's condition holds, so no branch opened"));
      const data: SplitData = { branches: opened.map((branch) => branch.token) };
      // A first split stays started while its branches race (settleFirstSplits completes it).
      if (node.kind === "split") work.move(task, "complete", { data });
      else work.update(task, { data });
      return opened.map((branch) => ({ node: nodeNamed(process.flow, branch.to), previous: [task.id], token: branch.token }));
    }
    case "subprocess":
      if (node.items) return startChildren(work, process, node, task);
      await startChild(
        work,
        process,
        node,
        task,
        authored(node, () => node.data(ctx)),
      );
      return [];
    case "end":
      await reachEnd(work, process, node, task);
      return [];
  }
}

// ─── Kinds that wait ─────────────────────────────────────────────────────────

async function createView(work: FlowWork, process: LoadedProcess, node: NodeOfKind<"view">, item: Pending): Promise<TaskRow> {
  const id = item.id ?? randomUUID();
  const ctx = work.context(process, { id, node: node.name, ownerId: null });
  const assignee = authored(node, () => assigneeOf(node.assign, ctx));
  const due = authored(node, () => dueAt(node.due, ctx, work.now));
  const task = work.addTask(process, {
    ...fields(work, process, node, item, id),
    priority: authored(node, () => priorityOf(node.priority, ctx)),
    dueAt: due ? due.toISOString() : null,
  });
  if ("user" in assignee) work.move(task, "assign", { assigneeId: assignee.user });
  else work.update(task, { ownerRole: assignee.role });
  if (node.onCreate) {
    const onCreate = node.onCreate;
    await authoredAsync(node, () => onCreate(work.context(process, work.taskView(task))));
  }
  return task;
}

/** A handle waits, new, for its signal; `onCreate` gets the address an outside system signals it at. */
async function createHandle(work: FlowWork, process: LoadedProcess, node: NodeOfKind<"handle">, item: Pending): Promise<void> {
  const task = work.addTask(process, fields(work, process, node, item, item.id ?? null));
  if (node.onCreate) {
    const onCreate = node.onCreate;
    await authoredAsync(node, () => onCreate(work.context(process, work.taskView(task), { signal: signalAddressOf(task) })));
  }
}

/** The fields every new task gets: title and description (computed from the process), branch, links. */
function fields(work: FlowWork, process: LoadedProcess, node: AnyNode, item: Pending, given: string | null) {
  const id = given ?? randomUUID();
  const ctx = work.context(process, { id, node: node.name, ownerId: null });
  return {
    id,
    node,
    previous: item.previous,
    token: item.token,
    title: authored(node, () => titleOf(node, ctx)),
    description: authored(node, () => descriptionOf(node, ctx)),
    data: item.data ?? null,
    revivedFromId: item.revivedFromId ?? null,
  };
}

// ─── Splits and joins ────────────────────────────────────────────────────────

/** A branch's token: the split's own token, then the split task and the branch's index. */
function branchToken(split: TaskRow, index: number): string {
  return `${split.token ? `${split.token}/` : ""}${split.id}.${index}`;
}

/** The split task a branch token names, and the token its join carries on. */
function parseToken(token: string): { splitId: string; outer: string | null } {
  const cut = token.lastIndexOf("/");
  const last = token.slice(cut + 1);
  return { splitId: last.slice(0, last.lastIndexOf(".")), outer: cut === -1 ? null : token.slice(0, cut) };
}

/** Whether a task is on a branch: it carries the branch's token, or that of a split nested in it. */
export function isOnBranch(task: { readonly token: string | null }, branch: string): boolean {
  return task.token === branch || (task.token?.startsWith(`${branch}/`) ?? false);
}

/**
 * A branch reaches a join: the join task of its split is created by the first arrival (a done,
 * canceled or failed one is never reused) and every arrival is linked to it. Deciding comes after
 * (`evaluateJoin`), once nothing else is left to run.
 */
async function arriveAtJoin(work: FlowWork, process: LoadedProcess, item: Pending): Promise<TaskRow> {
  const node = item.node as NodeOfKind<"join">;
  if (!item.token) throw nodeFailed(node, new Error("a task reached the join outside any split"));
  const token = await joinedToken(work, process, node, item.token);
  const { splitId, outer } = parseToken(token);
  const join = work
    .openTasks(process)
    .find((task) => task.nodeName === node.name && task.status === "started" && (task.data as JoinData | null)?.split === splitId);
  if (join) {
    for (const previousId of item.previous) work.link(join, previousId);
    return join;
  }
  // The split is in memory when it ran in this work, or is still open (a first split); else it is read once, by the first arrival.
  const split = await work.task(process, splitId);
  const data: JoinData = { split: splitId, branches: (split?.data as SplitData | null)?.branches ?? [token] };
  const created = work.addTask(process, { ...fields(work, process, node, { ...item, token: outer }, null), data });
  work.move(created, "activate");
  return created;
}

/**
 * The branch token a join decides on, from an arrival's. A first split needs no join of its own
 * (its losers are canceled), so the winner may go straight on to the join of the split around it:
 * when another branch of that enclosing split reaches this join without passing the first split,
 * the first split's part of the token is dropped, and the join closes the enclosing split.
 */
async function joinedToken(work: FlowWork, process: LoadedProcess, join: NodeOfKind<"join">, token: string): Promise<string> {
  for (let current = token; ;) {
    const { splitId, outer } = parseToken(current);
    if (outer === null) return current;
    const split = await work.task(process, splitId);
    const enclosing = split?.nodeKind === "splitFirst" ? await work.task(process, parseToken(outer).splitId) : null;
    if (!split || !enclosing) return current;
    const targets = work.nodeOf(process, enclosing).edges.map((edge) => edge.to);
    if (!reachable(targets, successorsOf(process.flow), split.nodeName).has(join.name)) return current;
    current = outer;
  }
}

const SUCCESSORS = new WeakMap<AnyFlow, ReadonlyMap<string, readonly string[]>>();

function successorsOf(flow: AnyFlow): ReadonlyMap<string, readonly string[]> {
  let successors = SUCCESSORS.get(flow);
  if (!successors) SUCCESSORS.set(flow, (successors = adjacency(flowGraph(flow).edges)));
  return successors;
}

/**
 * Goes on from a join once no task is left open on the branches its split opened, as Viewflow's
 * join decides: a branch whose tasks all arrived, were canceled, or ended elsewhere is done; a
 * task in error still holds the join, since it may be revived. Tasks of a split nested in a
 * branch carry longer tokens under it, so they hold the join too. With `continueWhen`, it goes on
 * as soon as that holds, and cancels what is still open on its branches.
 */
export async function evaluateJoin(work: FlowWork, process: LoadedProcess, join: TaskRow): Promise<Pending[]> {
  const { branches } = join.data as JoinData;
  const node = work.nodeOf(process, join);
  const open = work.openTasks(process).filter((task) => task.id !== join.id);
  const states = branches.map((branch): BranchState => open.filter((task) => isOnBranch(task, branch)).map((task) => task.status));
  if (joinState(states) !== "ready") {
    if (node.kind !== "join" || !node.continueWhen) return [];
    const continueWhen = node.continueWhen;
    const arrived = (await work.arrivalsAt(join)).map((task) => work.historyTask(task));
    const waiting = states.filter((state) => state.length > 0).length;
    const early = authored(node, () => continueWhen(work.context(process, work.taskView(join), { arrived, open: waiting })));
    if (!early) return [];
    for (const task of open)
      if (branches.some((branch) => isOnBranch(task, branch))) await cancelOpenTask(work, process, task, { join: join.id });
  }
  work.move(join, "complete");
  return after(process, join, nextOf(node));
}

/** Re-checks every waiting join of a process, after a task on a branch was canceled. */
export async function recheckJoins(work: FlowWork, process: LoadedProcess): Promise<void> {
  for (const join of work.openTasks(process)) {
    if (join.nodeKind !== "join" || join.status !== "started") continue;
    const next = await evaluateJoin(work, process, join);
    await runNodes(work, process, next);
  }
}

/**
 * A first split whose branch has a task just done: that branch wins, everything still open on the
 * other branches is canceled, and the first split is done (Viewflow's SplitFirst, on its branch's
 * `task_finished`). The winner's own next nodes run after this.
 */
async function settleFirstSplits(work: FlowWork, process: LoadedProcess): Promise<void> {
  for (const done of work.takeCompletions(process)) {
    if (!done.token) continue;
    const split = work.known(parseToken(done.token).splitId);
    if (!split || split.nodeKind !== "splitFirst" || split.status !== "started") continue;
    const data = split.data as SplitData;
    const losers = data.branches.filter((branch) => branch !== done.token);
    for (const task of work.openTasks(process)) {
      if (losers.some((branch) => isOnBranch(task, branch))) await cancelOpenTask(work, process, task, { splitFirst: split.id });
    }
    work.move(split, "complete", { data: { ...data, winner: done.token } }, { winner: done.token });
  }
}

/** Whether a token is on a branch of a first split that another branch has won (its queued nodes never run). */
function onLosingBranch(work: FlowWork, token: string | null): boolean {
  if (!token) return false;
  const parts = token.split("/");
  return parts.some((_, index) => {
    const branch = parts.slice(0, index + 1).join("/");
    const split = work.known(parseToken(branch).splitId);
    const winner = split?.nodeKind === "splitFirst" ? (split.data as SplitData | null)?.winner : undefined;
    return winner !== undefined && winner !== branch;
  });
}

// ─── Starting and ending processes ───────────────────────────────────────────

/**
 * Creates a process at a start node: the start task is activated and completed for `createdById`,
 * and the nodes after it run.
 */
export async function startProcessAt(
  work: FlowWork,
  flow: AnyFlow,
  start: NodeOfKind<"start" | "startHandle">,
  data: Record<string, unknown>,
  createdById: string,
  parentTaskId: string | null,
  formData: unknown = null,
): Promise<{ process: LoadedProcess; startTask: TaskRow }> {
  const process = work.createProcess(flow, data, createdById, parentTaskId);
  const startTask = work.addTask(process, {
    node: start,
    previous: [],
    token: null,
    title: titleOf(start),
    description: descriptionOf(start),
    data: formData,
  });
  work.move(startTask, "activate");
  work.move(startTask, "complete", { finishedById: work.actorId ?? createdById });
  await runNodes(work, process, after(process, startTask, nextOf(start)));
  return { process, startTask };
}

/** Starts one child process of a subprocess task with its (unparsed) initial data. */
async function startChild(
  work: FlowWork,
  parent: LoadedProcess,
  node: NodeOfKind<"subprocess">,
  task: TaskRow,
  input: unknown,
): Promise<LoadedProcess> {
  const flow = work.registry.get(node.flow.name);
  const start = flow.nodes[node.start];
  if (start?.kind !== "startHandle") throw nodeFailed(node, new Error(`flow "${flow.name}" has no start handle "${node.start}"`));
  const parsed = flow.process.safeParse(input);
  if (!parsed.success) {
    throw new FlowError("handler_failed", `${node.name}: data for "${flow.name}" is invalid: ${parsed.error.message}`, {
      userMessage: `"${titleOf(node)}" could not start "${flow.name}": its data is not valid.`,
      fields: fieldErrors(parsed.error.issues),
    });
  }
  return (await startProcessAt(work, flow, start, parsed.data, parent.row.createdById, task.id)).process;
}

/**
 * A subprocess per item (Viewflow's NSubprocess): one child per item, started in order in this
 * transaction; children that end at once do not complete the task before the last has started.
 */
async function startChildren(work: FlowWork, process: LoadedProcess, node: NodeOfKind<"subprocess">, task: TaskRow): Promise<Pending[]> {
  const items = authored(node, () => node.items?.(work.context(process, work.taskView(task))) ?? []);
  const children: string[] = [];
  work.startingChildren.add(task.id);
  for (const [index, item] of items.entries()) {
    const input = authored(node, () => node.data(work.context(process, work.taskView(task), { item, index })));
    children.push((await startChild(work, process, node, task, input)).row.id);
    const data: ChildrenData = { children };
    work.update(task, { data });
  }
  work.startingChildren.delete(task.id);
  work.update(task, { data: { children } satisfies ChildrenData });
  return settleChildren(work, process, node, task);
}

/**
 * Goes on from a subprocess per item once every child that was not canceled is done, or once its
 * `continueWhen` holds (the children still running are canceled then). Nothing while it waits.
 */
async function settleChildren(work: FlowWork, process: LoadedProcess, node: NodeOfKind<"subprocess">, task: TaskRow): Promise<Pending[]> {
  if (task.status !== "started" || work.startingChildren.has(task.id)) return [];
  const children = await childrenOf(work, task);
  const running = children.filter((child) => child.status === "running" || child.status === "error");
  if (running.length > 0) {
    const continueWhen = node.continueWhen;
    if (!continueWhen || !authored(node, () => continueWhen(work.context(process, work.taskView(task), { children })))) return [];
    for (const child of running) await cancelProcessTree(work, await work.lock(child.id, node.flow.name), { parentCanceled: true });
  }
  const ended = await childrenOf(work, task);
  const patch = authored(node, () => node.merge(work.context(process, work.taskView(task), { children: ended })));
  mergeData(work, process, node, patch);
  work.move(task, "complete");
  return after(process, task, nextOf(node));
}

/** The children of a subprocess per item, in item order, as they stand in this work. */
async function childrenOf(work: FlowWork, task: TaskRow): Promise<ChildProcess<unknown>[]> {
  const order = (task.data as ChildrenData | null)?.children ?? [];
  const stored = new Map((await selectChildProcesses(work.tx, task.id)).map((row) => [row.id, row]));
  return order.flatMap((id) => {
    const row = work.knownProcess(id)?.row ?? stored.get(id);
    return row ? [{ id: row.id, data: row.data, createdBy: row.createdById, status: row.status }] : [];
  });
}

/**
 * An end node. `others: "cancel"` (the default): the process's other open tasks are canceled and
 * it is done. `others: "wait"`: the end is done, and the process with it only when nothing else is
 * open. A parent waiting for a finished process goes on.
 */
async function reachEnd(work: FlowWork, process: LoadedProcess, node: NodeOfKind<"end">, endTask: TaskRow): Promise<void> {
  const others = work.openTasks(process).filter((task) => task.id !== endTask.id);
  if (node.others === "wait" && others.length > 0) {
    work.move(endTask, "complete", {}, { waitsFor: others.length });
    return;
  }
  for (const task of others) await cancelOpenTask(work, process, task);
  work.move(endTask, "complete");
  await finishProcess(work, process);
}

/** The process is done; a subprocess task waiting for it goes on. */
export async function finishProcess(work: FlowWork, process: LoadedProcess): Promise<void> {
  work.moveProcess(process, "finish");
  const parent = await parentOf(work, process);
  if (!parent) return;
  const { process: parentProcess, task } = parent;
  const node = work.nodeOf(parentProcess, task);
  if (node.kind !== "subprocess" || task.status !== "started") return;
  if (node.items) {
    await runNodes(work, parentProcess, await settleChildren(work, parentProcess, node, task));
    return;
  }
  const child = work.processView(process);
  const patch = authored(node, () => node.merge(work.context(parentProcess, work.taskView(task), { child })));
  mergeData(work, parentProcess, node, patch);
  work.move(task, "complete");
  await runNodes(work, parentProcess, after(parentProcess, task, nextOf(node)));
}

/** The subprocess task (and its locked process) that started `process`, when one did. */
async function parentOf(work: FlowWork, process: LoadedProcess): Promise<{ process: LoadedProcess; task: TaskRow } | null> {
  const parentTaskId = process.row.parentTaskId;
  if (!parentTaskId) return null;
  // Created in this very work (a child that ran to its end at once), or in the database.
  const known = work.known(parentTaskId);
  const owner = known ? { processId: known.processId, flowName: known.flowName } : await selectTaskOwner(work.tx, parentTaskId);
  if (!owner) return null;
  const parentProcess = await work.lock(owner.processId, owner.flowName);
  const task = await work.task(parentProcess, parentTaskId);
  return task ? { process: parentProcess, task } : null;
}

/** Cancels an open task; a subprocess task takes its child processes with it. */
export async function cancelOpenTask(
  work: FlowWork,
  process: LoadedProcess,
  task: TaskRow,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  work.move(task, "cancel", {}, details);
  if (task.nodeKind === "subprocess") {
    for (const child of await selectOpenChildProcesses(work.tx, task.id)) {
      await cancelProcessTree(work, await work.lock(child.id, child.flowName), { parentCanceled: true });
    }
    for (const child of work.processesStartedBy(task.id)) {
      if (child.row.status === "running" || child.row.status === "error") await cancelProcessTree(work, child, { parentCanceled: true });
    }
  }
}

/**
 * Cancels a process and every open task in it (and their child processes). A process a subprocess
 * started fails its parent's task, unless that task is being canceled itself; a child of a
 * subprocess per item is left out of its parent's count instead (as Viewflow's NSubprocess does).
 */
export async function cancelProcessTree(work: FlowWork, process: LoadedProcess, options: { parentCanceled?: boolean } = {}): Promise<void> {
  for (const task of work.openTasks(process)) await cancelOpenTask(work, process, task);
  work.moveProcess(process, "cancel");
  if (options.parentCanceled) return;
  const parent = await parentOf(work, process);
  if (!parent || parent.task.status !== "started") return;
  const node = work.nodeOf(parent.process, parent.task);
  if (node.kind === "subprocess" && node.items) {
    await runNodes(work, parent.process, await settleChildren(work, parent.process, node, parent.task));
    return;
  }
  failTask(work, parent.process, parent.task, new Error(`Its process "${process.row.flowName}" (${process.row.id}) was canceled.`));
}

// ─── Failures ────────────────────────────────────────────────────────────────

/** Puts a task in error with the failure on its row, and the process in error with it. */
export function failTask(work: FlowWork, process: LoadedProcess, task: TaskRow, error: unknown): void {
  work.move(task, "fail", { error: describeError(error, task.attempts) }, { message: messageOf(error) });
  work.moveProcess(process, "fail", { taskId: task.id });
}

/** Back from error to running once no task of the process is in error any more. */
export function recoverIfClear(work: FlowWork, process: LoadedProcess): void {
  if (process.row.status !== "error") return;
  if (work.openTasks(process).some((task) => task.status === "error")) return;
  work.moveProcess(process, "recover");
}

/** A node that failed after a job: its task is saved in error (created for it if it had none yet). */
function saveFailedNode(work: FlowWork, process: LoadedProcess, item: Pending, error: FlowError): void {
  const task = work.addTask(process, {
    ...(item.id ? { id: item.id } : {}),
    node: item.node,
    previous: item.previous,
    token: item.token,
    title: titleOf(item.node),
    data: item.data ?? null,
    revivedFromId: item.revivedFromId ?? null,
  });
  if (!["view", "handle", "job", "join"].includes(item.node.kind)) work.move(task, "activate");
  failTask(work, process, task, error.cause ?? error);
}

export function describeError(error: unknown, attempts: number): TaskRow["error"] {
  return { message: messageOf(error), stack: error instanceof Error ? (error.stack ?? null) : null, attempts };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isNodeFailure(error: unknown): error is FlowError {
  return error instanceof FlowError && (error.code === "handler_failed" || error.code === "invalid_input");
}

/** Author code throwing: the message names the step, and the person sees it. */
function nodeFailed(node: AnyNode, cause: unknown): FlowError {
  const message = messageOf(cause);
  return new FlowError("handler_failed", `Node "${node.name}" failed: ${message}`, {
    userMessage: `The step "${titleOf(node)}" failed: ${message}`,
    cause,
  });
}

/**
 * Runs author code (a handler, condition, assignment, title…) and names the step when it throws.
 * A callback reading a history not loaded yet is not a failure: the action runs again with it.
 */
export function authored<T>(node: AnyNode, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof HistoryNeeded) throw error;
    throw nodeFailed(node, error);
  }
}

export async function authoredAsync<T>(node: AnyNode, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HistoryNeeded) throw error;
    throw nodeFailed(node, error);
  }
}

/**
 * Merges a patch into the process data and parses the result with the flow's schema.
 * @throws {FlowError} invalid_input, with the process fields that failed
 */
export function mergeData(work: FlowWork, process: LoadedProcess, node: AnyNode, patch: object): void {
  if (Object.keys(patch).length === 0) return;
  const parsed = process.flow.process.safeParse({ ...process.row.data, ...patch });
  if (!parsed.success) {
    throw new FlowError("invalid_input", `Node "${node.name}" made process data the schema refuses: ${parsed.error.message}`, {
      userMessage: `The step "${titleOf(node)}" gave data the process does not accept.`,
      fields: fieldErrors(parsed.error.issues),
    });
  }
  work.setData(process, parsed.data);
}

function nodeNamed(flow: AnyFlow, name: string): AnyNode {
  const node = flow.nodes[name];
  if (!node) throw new Error(`Flow "${flow.name}" has no node "${name}" (checkFlow should have refused it).`);
  return node;
}
