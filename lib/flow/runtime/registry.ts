import { checkFlow, type AnyFlow } from "@/lib/flow";
import { FlowError } from "./errors";

/** The flows an install serves, by name. Built once at startup by `loadFlows`. */
export interface FlowRegistry {
  readonly flows: readonly AnyFlow[];
  /** The flow of that name; `not_found` for a name it does not serve. */
  get(name: string): AnyFlow;
}

/**
 * Checks every flow (and every flow a subprocess starts) with `checkFlow`, throwing a
 * FlowDefinitionError that lists every problem, and indexes them by name. `install`
 * (lib/installation) calls it with the installation's flows; tests call it with their own.
 * @throws {FlowDefinitionError} when a flow cannot run
 */
export function loadFlows(flows: readonly AnyFlow[]): FlowRegistry {
  const byName = new Map<string, AnyFlow>();
  const add = (flow: AnyFlow) => {
    const known = byName.get(flow.name);
    if (known === flow) return;
    if (known) throw new Error(`Two different flows are named "${flow.name}".`);
    checkFlow(flow);
    byName.set(flow.name, flow);
    for (const node of Object.values(flow.nodes)) if (node.kind === "subprocess") add(node.flow);
  };
  flows.forEach(add);
  const registry: FlowRegistry = {
    flows: [...byName.values()],
    get(name) {
      const flow = byName.get(name);
      if (!flow) throw new FlowError("not_found", `No flow named "${name}" is served.`);
      return flow;
    },
  };
  return registry;
}
