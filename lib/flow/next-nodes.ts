import type { AnyNode } from "./node";
import type { ObsoleteNode } from "./nodes/obsolete";
import type { FlowContext } from "./types";

/**
 * The names of the nodes to activate after `node` completes: its next node; the then or else of an
 * if; the first case that holds (else the default) of a switch; every branch of a split (or first split) whose
 * condition holds. An end and an obsolete node have none. An empty answer from a split means no branch opened: the runtime
 * fails the split task rather than leave the process with nothing to do.
 */
export function nextNodes(node: AnyNode | ObsoleteNode, ctx: FlowContext<unknown>): string[] {
  switch (node.kind) {
    case "if": {
      const taken = node.condition(ctx) ? "then" : "else";
      return node.edges.filter((edge) => edge.kind === taken).map((edge) => edge.to);
    }
    case "switch": {
      const taken = node.edges.find((edge) => edge.kind === "default" || edge.when(ctx));
      return taken === undefined ? [] : [taken.to];
    }
    case "split":
    case "splitFirst":
      return node.edges.filter((edge) => edge.when?.(ctx) ?? true).map((edge) => edge.to);
    default:
      return node.edges.map((edge) => edge.to);
  }
}
