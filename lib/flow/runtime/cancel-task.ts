import type { FlowUser } from "@/lib/flow";
import { cancelOpenTask, cancelProcessTree, recheckJoins, recoverIfClear } from "./activate";
import { inFlowTransaction, lockTask, requireActive, requireAdmin, type RuntimeOptions, type TaskRef } from "./lock-process";

/**
 * An admin stops an open task (also one in the error queue, or an obsolete one). A join that now
 * waits for a branch that can no longer arrive goes to the error queue; a process left with nothing
 * open is canceled with it.
 * @throws {FlowError} not_found, forbidden, invalid_transition
 */
export async function cancelTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task } = await lockTask(work, ref);
    requireAdmin(actor);
    requireActive(process);
    await cancelOpenTask(work, process, task);
    await recheckJoins(work, process);
    if (work.openTasks(process).length === 0) {
      await cancelProcessTree(work, process);
      return;
    }
    recoverIfClear(work, process);
  });
}
