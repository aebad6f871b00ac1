import { randomUUID } from "node:crypto";
import type { FlowUser } from "@/lib/flow";
import { evaluateJoin, recoverIfClear, runNodes } from "./activate";
import { inFlowTransaction, lockTask, requireActive, requireAdmin, type RuntimeOptions, type TaskRef } from "./lock-process";
import { refused } from "./permissions";
import { selectPrevious } from "./queries";

/**
 * An admin retries a task in error (or a canceled one), as viewflow's revive does: the old task is
 * marked revived and a fresh one takes its place, with the same data, links and branch. A view is
 * offered again, a job is queued again with its attempts from zero, and a handler or gateway runs
 * again at once, with the nodes after it: if it throws again, nothing changes and the admin sees why.
 * @throws {FlowError} not_found, forbidden, invalid_transition, handler_failed
 */
export async function reviveTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<{ taskId: string }> {
  return inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    requireAdmin(actor);
    requireActive(process);
    if (node.kind === "obsolete") throw refused(task, "revive", node.kind);
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
