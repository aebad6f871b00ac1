import { isPermitted, type FlowUser, type Role } from "@/lib/flow";
import { isRole } from "@/lib/auth/roles";
import { FlowError } from "./errors";
import { inFlowTransaction, lockTask, requireActive, requireAdmin, type RuntimeOptions, type TaskRef } from "./lock-process";
import { refused } from "./permissions";
import { selectActiveUser } from "./queries";

/**
 * An admin gives a human task to another user, also one its owner had opened and left. The new owner
 * must be someone the task is for: holding its queue's role, and admitted by the node's permission
 * (so four eyes holds here too).
 * @throws {FlowError} not_found, forbidden (not an admin; the user may not do the task), invalid_transition
 */
export async function reassignTask(actor: FlowUser, ref: TaskRef, userId: string, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    requireAdmin(actor);
    if (node.kind !== "view") throw refused(task, "reassign", node.kind);
    requireActive(process);
    const target = await selectActiveUser(work.tx, userId);
    const user = target ? { id: target.id, roles: target.roles.filter(isRole) as Role[] } : null;
    const offered = user && (task.ownerRole === null || user.roles.some((role) => role === task.ownerRole));
    const permitted =
      user && offered && isPermitted(node.permission, { process: work.processView(process), task: work.taskView(task), user });
    if (!permitted) {
      throw new FlowError("forbidden", `User ${userId} may not do task ${task.id}.`, { userMessage: "That user may not do this task." });
    }
    const details = { from: task.assigneeId, to: userId };
    if (task.status === "new") work.move(task, "assign", { assigneeId: userId }, details);
    else work.move(task, "reassign", { assigneeId: userId }, details);
  });
}
