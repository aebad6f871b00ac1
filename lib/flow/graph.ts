import type { AnyFlow } from "./flow";
import { obsoleteNode, type ObsoleteNode } from "./nodes/obsolete";
import { titleOf } from "./title";
import type { EdgeKind, NodeKind } from "./types";

export interface GraphNode {
  readonly name: string;
  readonly kind: NodeKind;
  readonly title: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** A flow as boxes and arrows, for drawing. */
export interface FlowGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** The nodes and edges of a flow, in the order written. */
export function flowGraph(flow: AnyFlow): FlowGraph {
  const nodes = Object.values(flow.nodes);
  return {
    nodes: nodes.map((node) => ({ name: node.name, kind: node.kind, title: titleOf(node) })),
    edges: nodes.flatMap((node) => node.edges.map((edge) => ({ from: node.name, to: edge.to, kind: edge.kind }))),
  };
}

/**
 * The node a stored task name stands for. A name the flow no longer has (or never had, or one like
 * "constructor" that only an object's prototype knows) gives an obsolete node: never a crash.
 */
export function nodeOf<F extends AnyFlow>(flow: F, storedName: string): F["nodes"][keyof F["nodes"]] | ObsoleteNode {
  return Object.hasOwn(flow.nodes, storedName) ? (flow.nodes[storedName] as F["nodes"][keyof F["nodes"]]) : obsoleteNode(storedName);
}

/** @internal Names reachable from `from` along `successors`, never passing through `skip`. */
export function reachable(from: Iterable<string>, successors: ReadonlyMap<string, readonly string[]>, skip?: string): Set<string> {
  const seen = new Set<string>();
  const pending = [...from].filter((name) => name !== skip);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    for (const next of successors.get(name) ?? []) if (next !== skip && !seen.has(next)) pending.push(next);
  }
  return seen;
}

/** @internal Each node's successors (or, with `reverse`, predecessors), from a list of edges. */
export function adjacency(edges: readonly GraphEdge[], reverse = false): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = reverse ? [edge.to, edge.from] : [edge.from, edge.to];
    map.set(from, [...(map.get(from) ?? []), to]);
  }
  return map;
}
