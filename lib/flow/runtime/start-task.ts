import type { FlowUser } from "@/lib/flow";
import { FlowError } from "./errors";
import { inFlowTransaction, lockTask, type RuntimeOptions, type TaskRef } from "./lock-process";
import { requireHumanTask, requireOwnOpenTask } from "./permissions";

/**
 * The owner opens their task (status started); opening it again is allowed.
 * @throws {FlowError} not_found, forbidden, invalid_transition (not claimed yet), no_longer_yours
 */
export async function startTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    requireHumanTask(work, process, task, node, "start", actor);
    requireOwnOpenTask(task, actor);
    if (task.assigneeId !== actor.id) {
      throw new FlowError("invalid_transition", `Task ${task.id} is not claimed.`, { userMessage: "Claim this task before opening it." });
    }
    work.move(task, "start");
  });
}
