import type { Edge } from "../types";

/**
 * Freezes a builder's value under its declared type. Node types carry phantom parameters
 * (process data, targets) no runtime value can show, so each builder states its type here.
 * @internal
 */
export function frozen<T>(value: object): T {
  return Object.freeze(value) as T;
}

/**
 * The step before `.next(target)`. It already looks like a node with no edges, so if a cast lets
 * it into a flow, `checkFlow` names what is missing instead of crashing.
 * @internal
 */
export function withNext<Step>(fields: object): Step {
  return frozen<Step>({
    ...fields,
    edges: Object.freeze([]),
    next: (to: string) => frozen({ ...fields, edges: Object.freeze([nextEdge(to)]) }),
  });
}

function nextEdge(to: string): Edge<string, "next"> {
  return Object.freeze({ kind: "next", to });
}
