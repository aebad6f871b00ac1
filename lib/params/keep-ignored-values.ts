import type { Parametrization } from "./parametrization";
import type { Node, NodesByKey } from "./types";
import { isGroup, isRecord } from "./layout-tree";

/**
 * What to store when saving `params` over the `stored` document: `params`, plus every stored value
 * the parametrization no longer has a field for. A removed field's value is so kept, not
 * destroyed, and comes back if the author restores the field. Values inside table and dynamic
 * array rows are not carried over: a row has no identity that survives adding, removing and
 * reordering rows.
 */
export function keepIgnoredValues(
  parametrization: Parametrization,
  stored: unknown,
  params: Record<string, unknown>,
): Record<string, unknown> {
  return mergeNodes(parametrization.layout, stored, params);
}

function mergeNodes(nodes: NodesByKey<Node>, stored: unknown, params: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(stored)) return params;
  // Object.fromEntries defines keys as own properties, so a stored "__proto__" key stays data.
  const merged = Object.entries(params).map(([key, value]): [string, unknown] => {
    const node = Object.hasOwn(nodes, key) ? nodes[key] : undefined;
    return [key, node && isGroup(node) && isRecord(value) ? mergeNodes(node.children, stored[key], value) : value];
  });
  const ignored = Object.entries(stored).filter(([key]) => !Object.hasOwn(params, key));
  return Object.fromEntries([...merged, ...ignored]);
}
