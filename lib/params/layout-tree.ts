// The layout as a tree: walking it, telling its nodes apart, and writing paths into params.
import type { ChoiceField, Group, Layout, Node, NodesByKey } from "./types";

/** @internal A node with where it sits. */
export interface LocatedNode {
  readonly node: Node;
  readonly key: string;
  /** Layout path: `loads.points.F` (no row indices). */
  readonly path: string;
  readonly parent: LocatedNode | undefined;
  /** `"column"` inside a table, `"row"` inside a dynamic array, `"params"` elsewhere. */
  readonly scope: "params" | "column" | "row";
}

/** @internal The nodes under a node: a group's or dynamic array's children, a table's columns. */
export function childrenOf(node: Node): NodesByKey<Node> | undefined {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
    case "dynamicArray":
      return node.children;
    case "table":
      return node.columns;
    default:
      return undefined;
  }
}

/** @internal Every node of a layout, depth first, in display order. */
export function walkLayout(layout: Layout): LocatedNode[] {
  const found: LocatedNode[] = [];
  const visit = (nodes: NodesByKey<Node>, parent: LocatedNode | undefined) => {
    for (const [key, node] of Object.entries(nodes)) {
      const located: LocatedNode = {
        node,
        key,
        path: parent ? `${parent.path}.${key}` : key,
        parent,
        scope: scopeBelow(parent),
      };
      found.push(located);
      const children = childrenOf(node);
      if (children) visit(children, located);
    }
  };
  visit(layout, undefined);
  return found;
}

function scopeBelow(parent: LocatedNode | undefined): LocatedNode["scope"] {
  if (parent?.node.kind === "table") return "column";
  if (parent?.node.kind === "dynamicArray") return "row";
  return parent?.scope ?? "params";
}

/** @internal The node and its enclosing nodes, outermost first. */
export function lineageOf(located: LocatedNode): LocatedNode[] {
  const lineage: LocatedNode[] = [];
  for (let at: LocatedNode | undefined = located; at; at = at.parent) lineage.unshift(at);
  return lineage;
}

/** @internal Whether a node holds a value in params (display items hold none). */
export function holdsValue(node: Node): boolean {
  return node.kind !== "markdown" && node.kind !== "lineBreak" && node.kind !== "image" && node.kind !== "button";
}

const NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * @internal A value path: keys joined by dots, row indices in brackets: `loads.points[3].F`. A key
 * that is not a name (an unknown key sent by a client) is quoted, so the path stays unambiguous:
 * `geometry["a.b"]`.
 */
export function joinPath(path: string, segment: string | number): string {
  if (typeof segment === "number") return `${path}[${segment}]`;
  if (!NAME.test(segment)) return `${path}[${JSON.stringify(segment)}]`;
  return path ? `${path}.${segment}` : segment;
}

/** @internal Whether a value is an object of keyed values (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @internal Whether a node is a page or a section. */
export function isGroup(node: Node): node is Group {
  return node.kind === "tab" || node.kind === "step" || node.kind === "section";
}

/** @internal Whether a node offers a list of options. */
export function isChoice(node: Node): node is ChoiceField {
  return node.kind === "option" || node.kind === "autocomplete" || node.kind === "multiSelect";
}
