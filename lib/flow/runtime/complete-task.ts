import type { FlowUser } from "@/lib/flow";
import { after, authored, mergeData, nextOf, runNodes } from "./activate";
import { fieldErrors, FlowError } from "./errors";
import { inFlowTransaction, lockTask, type RuntimeOptions, type TaskRef } from "./lock-process";
import { requireHumanTask, requireOwnOpenTask } from "./permissions";

/**
 * A person completes their task with its form's data. A task still in their role's queue is claimed
 * on the way (so two reviewers pressing the button at once: one wins, the other is told it is no
 * longer theirs). The form is parsed, the node's `merge` patches the process data, and every node the
 * engine runs after it (handlers, gateways, the next tasks' creation) runs in the same transaction:
 * if any throws, everything rolls back, the task stays the person's, and the error says why.
 * @throws {FlowError} not_found, forbidden, invalid_input (with field paths), no_longer_yours, handler_failed
 */
export async function completeTask(actor: FlowUser, ref: TaskRef, input: unknown, options: RuntimeOptions = {}): Promise<void> {
  await inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    const view = requireHumanTask(work, process, task, node, "complete", actor);
    requireOwnOpenTask(task, actor);
    const form = view.form.safeParse(input);
    if (!form.success) {
      throw new FlowError("invalid_input", `Form of task ${task.id}: ${form.error.message}`, { fields: fieldErrors(form.error.issues) });
    }
    if (task.status === "new") work.move(task, "assign", { assigneeId: actor.id });
    if (task.status === "assigned") work.move(task, "start");
    const patch = authored(view, () => view.merge(work.context(process, work.taskView(task), { user: actor, form: form.data })));
    mergeData(work, process, view, patch);
    work.move(task, "complete", { data: form.data, finishedById: actor.id });
    await runNodes(work, process, after(process, task, nextOf(view)));
  });
}
