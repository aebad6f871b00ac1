import { randomUUID } from "node:crypto";
import type { FlowUser } from "@/lib/flow";
import { evaluateJoin, recoverIfClear, runNodes } from "./activate";
import { FlowError } from "./errors";
import type { FlowWork, LoadedProcess } from "./flow-work";
import { inFlowTransaction, lockTask, requireActive, requireAdmin, type RuntimeOptions, type TaskRef } from "./lock-process";
import { refused } from "./permissions";
import { selectPrevious, selectReplacement } from "./queries";
import type { TaskRow } from "./rows";

/**
 * An admin retries a task in error (or a canceled one), as viewflow's revive does: the old task is
 * marked revived and a fresh one takes its place, with the same data, links and branch. A view is
 * offered again, a job is queued again with its attempts from zero, and a handler or gateway runs
 * again at once, with the nodes after it: if it throws again, nothing changes and the admin sees why.
 * A task that was already replaced (an undo ran its node again), or whose node has an open task on
 * the same branch, is refused: reviving it would run that node twice.
 * @throws {FlowError} not_found, forbidden, invalid_transition, handler_failed
 */
export async function reviveTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<{ taskId: string }> {
  return inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    requireAdmin(actor);
    requireActive(process);
    if (node.kind === "obsolete") throw refused(task, "revive", node.kind);
    await requireNotReplaced(work, process, task);
    work.move(task, "revive");
    const previous = (await selectPrevious(work.tx, task.id)).map((link) => link.id);
    const id = randomUUID();
    if (node.kind === "join") {
      const join = work.addTask(process, {
        id,
        node,
        previous,
        token: task.token,
        title: task.title,
        data: task.data,
        revivedFromId: task.id,
      });
      work.move(join, "activate");
      await runNodes(work, process, await evaluateJoin(work, process, join));
    } else {
      await runNodes(work, process, [{ id, node, previous, token: task.token, data: task.data, revivedFromId: task.id }]);
    }
    recoverIfClear(work, process);
    return { taskId: id };
  });
}

/**
 * Refuses a revive that would run a node twice on one branch: the task was replaced already, or
 * another task of its node is open on its branch (e.g. the join of the same split, made afresh by
 * the next arrival after this one was canceled).
 * @throws {FlowError} invalid_transition
 */
async function requireNotReplaced(work: FlowWork, process: LoadedProcess, task: TaskRow): Promise<void> {
  const twin = work
    .openTasks(process)
    .find((other) => other.id !== task.id && other.nodeName === task.nodeName && other.token === task.token);
  const replacement = twin ? null : await selectReplacement(work.tx, process.row.id, task.id);
  if (!twin && !replacement) return;
  const message = twin
    ? `"${task.title}" is open again on this branch (task ${twin.id}); reviving this one would run it twice.`
    : `"${task.title}" was already replaced by task ${replacement}; reviving it would run it twice.`;
  throw new FlowError("invalid_transition", `Task ${task.id}: ${message}`, { userMessage: message });
}
