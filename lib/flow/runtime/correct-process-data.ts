import type { FlowUser } from "@/lib/flow";
import { fieldErrors, FlowError } from "./errors";
import { inFlowTransaction, requireActive, requireAdmin, type ProcessRef, type RuntimeOptions } from "./lock-process";

/**
 * An admin corrects a process's data before reviving a failed task: the new data is parsed by the
 * flow's process schema (errors by field), written under the process lock like any action, and
 * audited with the data before and after ("correct_data"); open pages refresh on its notification.
 * @throws {FlowError} forbidden, not_found, invalid_transition (finished process), invalid_input
 */
export async function correctProcessData(actor: FlowUser, ref: ProcessRef, data: unknown, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const process = await work.lock(ref.processId, ref.flow);
    requireAdmin(actor);
    requireActive(process);
    const parsed = process.flow.process.safeParse(data);
    if (!parsed.success) {
      throw new FlowError("invalid_input", `Corrected data of ${ref.processId}: ${parsed.error.message}`, {
        fields: fieldErrors(parsed.error.issues),
      });
    }
    work.correctData(process, parsed.data as Record<string, unknown>);
  });
}
