import type { FlowUser } from "@/lib/flow";
import { cancelOpenTask, cancelProcessTree, recheckJoins, recoverIfClear } from "./activate";
import { inFlowTransaction, lockTask, requireActive, requireAdmin, type RuntimeOptions, type TaskRef } from "./lock-process";

/**
 * An admin stops an open task (also one in the error queue, or an obsolete one). A join left with
 * nothing open on its branches goes on (a canceled branch counts as done); a process left with
 * nothing open is canceled with it.
 * @throws {FlowError} not_found, forbidden, invalid_transition
 */
export async function cancelTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task } = await lockTask(work, ref);
    requireAdmin(actor);
    requireActive(process);
    await cancelOpenTask(work, process, task);
    await recheckJoins(work, process);
    // A join that went on may have run the process to its end.
    if (process.row.status === "done" || process.row.status === "canceled") return;
    if (work.openTasks(process).length === 0) {
      await cancelProcessTree(work, process);
      return;
    }
    recoverIfClear(work, process);
  });
}
