import { flows } from "@/definitions/registry";
import { currentRegistry, loadFlows, type FlowRegistry } from "@/lib/flow/runtime";

/**
 * The flows the app serves. The launcher and the worker call `loadFlows` at startup; the Next
 * process is spawned by the launcher, so it loads the same list (checked the same way) on first use.
 */
export function servedFlows(): FlowRegistry {
  try {
    return currentRegistry();
  } catch {
    return loadFlows(flows);
  }
}
