import * as z from "zod";
import { geoSchema } from "./geo-schema";
import type { FileField, FileRef, Node, NodesByKey, OptionInput, OptionValue } from "./types";
import { defaultValueOf } from "./with-defaults";
import { holdsValue } from "./layout-tree";

/** Where params come from. From the browser an unknown key is refused (a typo must not pass as a default); from storage it is ignored (a removed field). */
export type ParamsSource = "browser" | "storage";

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * @internal The zod schema of a layout's params: types, empty values, static rules and defaults.
 * Computed rules are not in it; they need params that already have the right types.
 */
export function buildSchema(layout: NodesByKey<Node>, source: ParamsSource): z.ZodType {
  return objectOf(layout, source);
}

/** @internal The value of a choice as stored in params. */
export function optionValue(option: OptionInput): OptionValue {
  return typeof option === "object" ? option.value : option;
}

function objectOf(nodes: NodesByKey<Node>, source: ParamsSource) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(nodes)) {
    if (holdsValue(node)) shape[key] = withDefault(node, withEmptiness(node, valueSchema(node, source)));
  }
  return source === "browser" ? z.strictObject(shape) : z.object(shape);
}

function valueSchema(node: Node, source: ParamsSource): z.ZodType {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
      return objectOf(node.children, source);
    case "number":
    case "integer": {
      let schema = node.kind === "integer" ? z.int() : z.number();
      if (node.min !== undefined) schema = schema.min(node.min);
      if (node.max !== undefined) schema = schema.max(node.max);
      return schema;
    }
    case "text":
    case "textarea": {
      let schema = z.string();
      const minLength = node.minLength ?? (node.optional ? 0 : 1);
      if (minLength > 0) schema = schema.min(minLength);
      if (node.maxLength !== undefined) schema = schema.max(node.maxLength);
      return schema;
    }
    case "boolean":
      return z.boolean();
    case "option":
    case "autocomplete":
      return choiceSchema(node.options);
    case "multiSelect":
      return z.array(choiceSchema(node.options));
    case "date":
      return z.iso.date();
    case "color":
      return z.string().regex(HEX_COLOR);
    case "entity":
      return z.string().min(1);
    case "file":
      return fileSchema(node, source);
    case "geoPoint":
    case "geoPolyline":
    case "geoPolygon":
      return geoSchema(node, source);
    case "table":
      return rowsSchema(objectOf(node.columns, source), node);
    case "dynamicArray":
      return rowsSchema(objectOf(node.children, source), node);
    case "markdown":
    case "lineBreak":
    case "button":
    case "image":
      return z.never();
  }
}

// Without static options the options are computed, and computed option values are strings.
function choiceSchema(options: readonly OptionInput[] | undefined): z.ZodType {
  return options ? z.literal(options.map(optionValue)) : z.string();
}

function rowsSchema(row: z.ZodType, node: { readonly minRows?: number; readonly maxRows?: number }) {
  let schema = z.array(row);
  if (node.minRows !== undefined) schema = schema.min(node.minRows);
  if (node.maxRows !== undefined) schema = schema.max(node.maxRows);
  return schema;
}

function fileSchema(node: FileField, source: ParamsSource): z.ZodType {
  let size = z.int().min(0);
  if (node.maxSize !== undefined) size = size.max(node.maxSize);
  const shape = { fileId: z.string().min(1), name: z.string(), size, type: z.string() };
  const ref = source === "browser" ? z.strictObject(shape) : z.object(shape);
  const { accept } = node;
  return accept ? ref.refine((file) => accepts(accept, file)) : ref;
}

/** Whether a file matches one of `accept`: an extension, a MIME type, or a MIME family like `image/*`. */
function accepts(accept: readonly string[], file: FileRef): boolean {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept.some((pattern) => {
    const wanted = pattern.toLowerCase();
    if (wanted.startsWith(".")) return name.endsWith(wanted);
    if (wanted.endsWith("/*")) return type.startsWith(wanted.slice(0, -1));
    return type === wanted;
  });
}

function withEmptiness(node: Node, schema: z.ZodType): z.ZodType {
  return "optional" in node && node.optional ? schema.nullable() : schema;
}

// A missing key takes the node's default. A required field without one stays missing, and is
// refused as required. A group takes `{}` through its own schema (`prefault`), so that its
// children get their defaults too; other defaults were checked once, when the parametrization
// was defined.
function withDefault(node: Node, schema: z.ZodType): z.ZodType {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
      return schema.prefault({});
    default: {
      const initial = defaultValueOf(node);
      if (initial === null && !("optional" in node && node.optional)) return schema;
      return typeof initial === "object" && initial !== null ? schema.default(() => defaultValueOf(node)) : schema.default(initial);
    }
  }
}
