import type { FlowUser } from "@/lib/flow";
import { FlowError } from "./errors";
import { inFlowTransaction, lockTask, type RuntimeOptions, type TaskRef } from "./lock-process";
import { refused, requireHumanTask, requireOwnOpenTask } from "./permissions";
import { can } from "@/lib/auth/permissions";

/**
 * Puts a claimed task back in its role's queue: by its owner, or by an admin for anyone. A task the
 * flow gave to one user has no queue to go back to; an admin reassigns it instead.
 * @throws {FlowError} not_found, forbidden, invalid_transition, no_longer_yours
 */
export async function unassignTask(actor: FlowUser, ref: TaskRef, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    const admin = can(actor, "flow.manage");
    if (admin) {
      if (node.kind !== "view") throw refused(task, "unassign", node.kind);
    } else {
      requireHumanTask(work, process, task, node, "unassign", actor);
      requireOwnOpenTask(task, actor);
    }
    if (task.ownerRole === null) {
      throw new FlowError("invalid_transition", `Task ${task.id} has no queue to go back to.`, {
        userMessage: "This task was given to one person, not to a queue; an admin can reassign it.",
      });
    }
    work.move(task, "unassign", { assigneeId: null }, { from: task.assigneeId });
  });
}
