import type { AnyFlow } from "@/lib/flow";
import { startProcessAt, type NodeOfKind } from "./activate";
import { fieldErrors, FlowError } from "./errors";
import { inFlowTransaction, type RuntimeOptions } from "./lock-process";
import { installed } from "@/lib/installation/install";

/**
 * Code starts a process at a start handle (e.g. when an entity is saved), with its initial data and
 * the user it acts for, who becomes the process's creator. No permission is checked: the calling
 * code has decided. Everything the engine runs after the start is in the same transaction.
 * @throws {FlowError} not_found (no such flow or start handle), invalid_input, handler_failed
 */
export async function startProcessFromCode(
  ref: { readonly flow: string; /** Which start handle; default: the flow's only one. */ readonly node?: string },
  input: { readonly data: unknown; readonly userId: string },
  options: RuntimeOptions = {},
): Promise<{ processId: string; taskId: string }> {
  const flow = (options.registry ?? installed().flows).get(ref.flow);
  const start = startHandleOf(flow, ref.node);
  const data = flow.process.safeParse(input.data);
  if (!data.success) {
    throw new FlowError("invalid_input", `Data for ${flow.name} is invalid: ${data.error.message}`, {
      fields: fieldErrors(data.error.issues),
    });
  }
  return inFlowTransaction(options, "user", input.userId, async (work) => {
    const { process, startTask } = await startProcessAt(work, flow, start, data.data, input.userId, null);
    return { processId: process.row.id, taskId: startTask.id };
  });
}

function startHandleOf(flow: AnyFlow, name: string | undefined): NodeOfKind<"startHandle"> {
  const handles = Object.values(flow.nodes).filter((node): node is NodeOfKind<"startHandle"> => node.kind === "startHandle");
  const start = name === undefined ? (handles.length === 1 ? handles[0] : undefined) : handles.find((node) => node.name === name);
  if (!start) throw new FlowError("not_found", `Flow ${flow.name} has no start handle ${name ?? "(exactly one expected)"}.`);
  return start;
}
