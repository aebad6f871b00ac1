import type { FlowUser } from "@/lib/flow";
import type { RuntimeOptions, TaskRef } from "./lock-process";
import { reviveTask } from "./revive-task";

/**
 * An admin revives many failed tasks (the error queue's "Revive all shown"): each in its own
 * transaction under its own process's lock, as `reviveTask` does one, so one that fails again
 * (or changed meanwhile) leaves the others revived. Answers how many went and how many did not.
 */
export async function reviveTasks(
  actor: FlowUser,
  refs: readonly TaskRef[],
  options: RuntimeOptions = {},
): Promise<{ revived: number; failed: number }> {
  let revived = 0;
  for (const ref of refs) {
    try {
      await reviveTask(actor, ref, options);
      revived++;
    } catch (error) {
      // Told in the count; the task is still in the queue with its error.
      if (!(error instanceof Error) || error.name !== "FlowError") throw error;
    }
  }
  return { revived, failed: refs.length - revived };
}
