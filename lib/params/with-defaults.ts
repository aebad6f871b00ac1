import type { Parametrization } from "./parametrization";
import type { DynamicArrayField, Node, NodesByKey, TableField } from "./types";
import { holdsValue, isRecord } from "./layout-tree";

/** Params as the form holds them: every field present, values not (yet) valid. */
export type ParamsDraft = { [key: string]: unknown };

/**
 * Params with every field the parametrization has: a stored value where there is one, else the
 * field's default. This is how params evolve without migrations: a field added after an entity
 * was stored gets its default; a removed field's stored value is left out here (ignored) but not
 * deleted from storage (see `keepIgnoredValues`). A value of the wrong type is kept as it is, for
 * validation to report. Never throws.
 */
export function withDefaults(parametrization: Parametrization, stored: unknown): ParamsDraft {
  return fillNodes(parametrization.layout, stored);
}

/** A new row for a table or dynamic array, each column at its default. */
export function newRow(field: TableField | DynamicArrayField): ParamsDraft {
  return fillNodes(field.kind === "table" ? field.columns : field.children, {});
}

/**
 * @internal The value a node starts with; a fresh copy on each call, since callers may change it.
 * `undefined` for display items, which hold no value.
 */
export function defaultValueOf(node: Node): unknown {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
      return fillNodes(node.children, {});
    case "boolean":
      return node.default ?? false;
    case "multiSelect":
      return [...(node.default ?? [])];
    case "table":
      return (node.default ?? []).map((row) => fillNodes(node.columns, row));
    case "dynamicArray":
      return (node.default ?? []).map((row) => fillNodes(node.children, row));
    case "markdown":
    case "lineBreak":
    case "button":
    case "image":
      return undefined;
    case "geoPoint":
    case "geoPolyline":
    case "geoPolygon":
      return node.default === undefined ? null : structuredClone(node.default);
    default:
      return ("default" in node ? node.default : undefined) ?? null;
  }
}

function fillNodes(nodes: NodesByKey<Node>, value: unknown): ParamsDraft {
  const source = isRecord(value) ? value : {};
  const entries: [string, unknown][] = [];
  for (const [key, node] of Object.entries(nodes)) {
    if (!holdsValue(node)) continue;
    const present = Object.hasOwn(source, key) && source[key] !== undefined;
    entries.push([key, present ? fillPresent(node, source[key]) : defaultValueOf(node)]);
  }
  return Object.fromEntries(entries);
}

function fillPresent(node: Node, value: unknown): unknown {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
      return isRecord(value) ? fillNodes(node.children, value) : value;
    case "table":
    case "dynamicArray": {
      const columns = node.kind === "table" ? node.columns : node.children;
      return Array.isArray(value) ? value.map((row) => (isRecord(row) ? fillNodes(columns, row) : row)) : value;
    }
    default:
      return value;
  }
}
