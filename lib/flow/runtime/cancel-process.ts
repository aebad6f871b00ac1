import type { FlowUser } from "@/lib/flow";
import { cancelProcessTree } from "./activate";
import { inFlowTransaction, requireActive, requireAdmin, type ProcessRef, type RuntimeOptions } from "./lock-process";

/**
 * An admin cancels a whole process: its open tasks, and the processes its subprocess tasks started.
 * A process started by a subprocess node fails the parent's task, which then waits in the error queue.
 * @throws {FlowError} not_found, forbidden, invalid_transition (already finished or canceled)
 */
export async function cancelProcess(actor: FlowUser, ref: ProcessRef, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const process = await work.lock(ref.processId, ref.flow);
    requireAdmin(actor);
    requireActive(process);
    await cancelProcessTree(work, process);
  });
}
