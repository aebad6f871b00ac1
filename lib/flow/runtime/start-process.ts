import { isPermitted, type AnyFlow, type FlowUser } from "@/lib/flow";
import { authored, startProcessAt, type NodeOfKind } from "./activate";
import { fieldErrors, FlowError } from "./errors";
import { inFlowTransaction, type RuntimeOptions } from "./lock-process";
import { installed } from "@/lib/installation/install";

/**
 * A person starts a process with a start node's form: permission, then the form, then the process
 * data its `merge` makes. The process, its start task and every node the engine runs after it are
 * created in one transaction; if any of them throws, nothing is created and the error says why.
 * @throws {FlowError} not_found (no such flow or start node), forbidden, invalid_input (with the
 * form's fields), handler_failed
 */
export async function startProcess(
  actor: FlowUser,
  ref: { readonly flow: string; /** Which start node; default: the flow's only one. */ readonly node?: string },
  input: unknown,
  options: RuntimeOptions = {},
): Promise<{ processId: string; taskId: string }> {
  const flow = (options.registry ?? installed().flows).get(ref.flow);
  const start = startNodeOf(flow, ref.node);
  if (!isPermitted(start.permission, { user: actor })) {
    throw new FlowError("forbidden", `User ${actor.id} may not start ${flow.name}.`, { userMessage: "You may not start this process." });
  }
  const form = start.form.safeParse(input);
  if (!form.success)
    throw new FlowError("invalid_input", `Start form of ${flow.name}: ${form.error.message}`, { fields: fieldErrors(form.error.issues) });
  const initial = authored(start, () => start.merge({ form: form.data, user: actor }));
  const data = flow.process.safeParse(initial);
  if (!data.success) {
    throw new FlowError("invalid_input", `Start of ${flow.name} made invalid process data: ${data.error.message}`, {
      fields: fieldErrors(data.error.issues),
    });
  }
  return inFlowTransaction(options, "user", actor.id, async (work) => {
    const { process, startTask } = await startProcessAt(work, flow, start, data.data, actor.id, null, form.data);
    return { processId: process.row.id, taskId: startTask.id };
  });
}

function startNodeOf(flow: AnyFlow, name: string | undefined): NodeOfKind<"start"> {
  const starts = Object.values(flow.nodes).filter((node): node is NodeOfKind<"start"> => node.kind === "start");
  const start = name === undefined ? (starts.length === 1 ? starts[0] : undefined) : starts.find((node) => node.name === name);
  if (!start) throw new FlowError("not_found", `Flow ${flow.name} has no start node ${name ?? "(exactly one expected)"}.`);
  return start;
}
