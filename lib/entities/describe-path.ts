import type { Node, NodesByKey, Parametrization } from "@/lib/params";

/** A params path as people read it: the labels along the way, and the field's unit. */
export interface PathDescription {
  /** `["Loads", "Point loads", "row 2", "Force"]`; a key the layout does not know is shown as is. */
  readonly labels: readonly string[];
  /** The unit of the field at the path, when it has one: `"kN"`. */
  readonly suffix?: string;
}

/** The labels along a params path (`loads.pointLoads[1].F`), for the diff and messages. Never throws. */
export function describePath(parametrization: Parametrization, path: string): PathDescription {
  const labels: string[] = [];
  let nodes: NodesByKey<Node> | null = parametrization.layout;
  let node: Node | null = null;
  for (const token of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (token.startsWith("[")) {
      labels.push(`row ${Number(token.slice(1, -1)) + 1}`);
      continue;
    }
    node = nodes && Object.hasOwn(nodes, token) ? nodes[token]! : null;
    labels.push(node && "label" in node ? node.label : token);
    nodes = node ? childrenOf(node) : null;
  }
  const suffix = node && (node.kind === "number" || node.kind === "integer") ? node.suffix : undefined;
  return suffix ? { labels, suffix } : { labels };
}

function childrenOf(node: Node): NodesByKey<Node> | null {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
    case "dynamicArray":
      return node.children;
    case "table":
      return node.columns;
    default:
      return null;
  }
}
