import type { FlowUser } from "@/lib/flow";
import { FlowError } from "./errors";
import { inFlowTransaction, lockTask, type RuntimeOptions, type TaskRef } from "./lock-process";
import { requireHumanTask, requireOwnOpenTask } from "./permissions";

/**
 * A user claims a task waiting in their role's queue: it becomes theirs (status assigned). When
 * several claim it at once, the process lock lets one in; the others are told it is no longer theirs.
 * @throws {FlowError} not_found, forbidden, invalid_transition (not a human task; already yours), no_longer_yours
 */
export async function assignTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    requireHumanTask(work, process, task, node, "assign", actor);
    requireOwnOpenTask(task, actor);
    if (task.assigneeId === actor.id) {
      throw new FlowError("invalid_transition", `Task ${task.id} is already assigned to ${actor.id}.`, {
        userMessage: "This task is already yours.",
      });
    }
    work.move(task, "assign", { assigneeId: actor.id });
  });
}
