import { randomUUID } from "node:crypto";
import { transition, type FlowUser } from "@/lib/flow";
import { cancelOpenTask, evaluateJoin, runNodes } from "./activate";
import { FlowError } from "./errors";
import type { FlowWork, LoadedProcess } from "./flow-work";
import { inFlowTransaction, lockTask, requireActive, requireAdmin, type RuntimeOptions, type TaskRef } from "./lock-process";
import { refused } from "./permissions";
import { selectPrevious, selectSuccessors } from "./queries";
import type { TaskRow } from "./rows";

/** Kinds the engine ran at once after a task: undone with it. */
const AUTOMATIC = new Set(["handler", "if", "switch", "split"]);

/**
 * An admin reverts a done task, where that is safe: what came after it is taken back first — tasks
 * nobody has started are canceled, handlers and gateways the engine ran are undone with it — and the
 * undo is refused if a later task has been started or has ended. The task is then offered again as a
 * fresh one (a view goes back to its assignment, a job to the queue). The process data its merge
 * changed is not rolled back: the person doing it again overwrites it.
 * @throws {FlowError} not_found, forbidden, invalid_transition (not done; a later task has started)
 */
export async function undoTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<{ taskId: string }> {
  return inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    requireAdmin(actor);
    requireActive(process);
    if (node.kind === "obsolete" || !transition(task.status, "undo", node.kind).ok) throw refused(task, "undo", node.kind);
    await takeBack(work, process, task);
    work.move(task, "undo");
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
      // The fresh task names the one it replaces, so that one is never revived too (revive-task.ts).
      await runNodes(work, process, [{ id, node, previous, token: task.token, revivedFromId: task.id }]);
    }
    return { taskId: id };
  });
}

/** Takes back everything after `task`, or refuses if a later task has been started or has ended. */
async function takeBack(work: FlowWork, process: LoadedProcess, task: TaskRow): Promise<void> {
  for (const found of await selectSuccessors(work.tx, task.id)) {
    const next = (await work.task(process, found.id)) ?? found;
    if (next.status === "canceled" || next.status === "revived") continue;
    if (next.status === "new" || next.status === "assigned" || next.status === "scheduled") {
      await cancelOpenTask(work, process, next, { undo: task.id });
    } else if (next.status === "done" && AUTOMATIC.has(next.nodeKind)) {
      await takeBack(work, process, next);
      work.move(next, "undo", {}, { undo: task.id });
    } else {
      throw new FlowError(
        "invalid_transition",
        `Cannot undo task ${task.id}: later task ${next.id} (${next.nodeName}) is ${next.status}.`,
        {
          userMessage: `This task cannot be undone: a later task, "${next.title}", is already ${next.status === "started" ? "started" : next.status}.`,
        },
      );
    }
  }
}
