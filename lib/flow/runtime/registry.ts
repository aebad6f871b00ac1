import { checkFlow, type AnyFlow } from "@/lib/flow";
import { FlowError } from "./errors";

/** The flows an install serves, by name. Built once at startup by `loadFlows`. */
export interface FlowRegistry {
  readonly flows: readonly AnyFlow[];
  /** The flow of that name; `not_found` for a name it does not serve. */
  get(name: string): AnyFlow;
}

let current: FlowRegistry | null = null;

/**
 * Checks every flow (and every flow a subprocess starts) with `checkFlow`, throwing a
 * FlowDefinitionError that lists every problem, and makes them the flows the runtime serves.
 * The launcher, the worker and the app call it at startup with definitions/registry.ts's list.
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
  current = registry;
  return registry;
}

/** The flows `loadFlows` made current. */
export function currentRegistry(): FlowRegistry {
  if (!current) throw new Error("No flows are loaded: call loadFlows(flows) at startup (definitions/registry.ts lists them).");
  return current;
}
