import { after, authored, mergeData, nextOf, runNodes } from "./activate";
import { fieldErrors, FlowError } from "./errors";
import { inFlowTransaction, lockTask, requireActive, type RuntimeOptions, type TaskRef } from "./lock-process";
import { refused } from "./permissions";
import { isSignalToken } from "./signal-token";

/** What a signal did: it completed the handle, or found it already done by an earlier signal. */
export type SignalOutcome = "done" | "already_done";

/**
 * Code, or an outside system through it, resumes a handle task (Viewflow's `Handle.run(task)`): the
 * input is parsed by the node's `input` schema, its `merge` patches the process data, the task is
 * done, and the nodes after it run in the same transaction. If any of that throws, everything rolls
 * back and the task stays new, as in Viewflow. A signal of a task an earlier signal did finishes
 * nothing and answers `already_done`, so a webhook delivered twice is harmless. No permission is
 * checked: the calling code has decided (a webhook's call is checked by `signalTaskWithToken`).
 * @throws {FlowError} not_found, invalid_transition (not a handle; canceled; the process ended), invalid_input, handler_failed
 */
export async function signalTask(
  ref: TaskRef,
  input: unknown,
  options: RuntimeOptions & { readonly userId?: string } = {},
): Promise<SignalOutcome> {
  return inFlowTransaction(options, "user", options.userId ?? null, async (work) => {
    const { process, task, node } = await lockTask(work, ref);
    if (node.kind !== "handle") throw refused(task, "activate", node.kind);
    if (task.status === "done") return "already_done";
    requireActive(process);
    if (task.status !== "new") throw refused(task, "activate", node.kind);
    const parsed = node.input.safeParse(input);
    if (!parsed.success) {
      throw new FlowError("invalid_input", `Signal of task ${task.id}: ${parsed.error.message}`, {
        fields: fieldErrors(parsed.error.issues),
      });
    }
    work.move(task, "activate");
    const patch = authored(node, () => node.merge(work.context(process, work.taskView(task), { input: parsed.data })));
    mergeData(work, process, node, patch);
    work.move(task, "complete", { data: parsed.data });
    await runNodes(work, process, after(process, task, nextOf(node)));
    return "done";
  });
}

/**
 * An outside system's signal (a webhook): admitted only with the task's own secret token
 * (signal-token.ts), which `onCreate` of the handle hands out with its address.
 * @throws {FlowError} forbidden without the right token; then as signalTask
 */
export async function signalTaskWithToken(
  ref: TaskRef,
  token: string | null,
  input: unknown,
  options: RuntimeOptions = {},
): Promise<SignalOutcome> {
  if (!token || !isSignalToken(ref.taskId, token)) {
    throw new FlowError("forbidden", `A signal of task ${ref.taskId} without its token.`, {
      userMessage: "This signal's token is missing or wrong.",
    });
  }
  return signalTask(ref, input, options);
}
