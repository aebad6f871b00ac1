import type { ParamsRule } from "./errors";
import type { FileField, Node, NodeKind, OptionValue } from "./types";

/** What a value of each kind must be, completing "<Label> must be …". */
const EXPECTED: Record<NodeKind, string> = {
  tab: "a group of fields (an object)",
  step: "a group of fields (an object)",
  section: "a group of fields (an object)",
  number: "a number",
  integer: "a whole number",
  text: "text",
  textarea: "text",
  boolean: "true or false",
  option: "one of its options",
  autocomplete: "one of its options",
  multiSelect: "a list of its options",
  date: "a date written like 2026-05-31",
  color: "a colour written like #1e88e5",
  entity: "the id of an entity",
  file: "an uploaded file { fileId, name, size, type }",
  geoPoint: "a point { lat, lon } in degrees",
  geoPolyline: "a list of points { lat, lon } in degrees",
  geoPolygon: "a closed ring of points { lat, lon } in degrees, the last repeating the first",
  table: "a list of rows, each an object of column values",
  dynamicArray: "a list of rows, each an object of field values",
  markdown: "absent (it holds no value)",
  lineBreak: "absent (it holds no value)",
  button: "absent (it holds no value)",
  image: "absent (it holds no value)",
};

/** @internal The name an engineer knows a node by. */
export function labelOf(node: Node): string {
  return "label" in node ? node.label : node.kind;
}

const MAX_OPTIONS_LISTED = 8;

/** @internal The message for each rule, with the field's label, bound and unit. */
export const MESSAGES = {
  required: (field: Node) => `${labelOf(field)} is required`,
  type: (field: Node) => `${labelOf(field)} must be ${EXPECTED[field.kind]}`,
  min: (field: Node, bound: number) => `${labelOf(field)} must be at least ${quantity(field, bound)}`,
  max: (field: Node, bound: number) => `${labelOf(field)} must be at most ${quantity(field, bound)}`,
  minLength: (field: Node, length: number) => `${labelOf(field)} must be at least ${plural(length, "character")}`,
  maxLength: (field: Node, length: number) => `${labelOf(field)} must be at most ${plural(length, "character")}`,
  option: (field: Node, values: readonly OptionValue[]) =>
    values.length === 0 ? `${labelOf(field)} has no options to choose from` : `${labelOf(field)} must be one of ${listed(values)}`,
  minRows: (field: Node, rows: number) => `${labelOf(field)} needs at least ${plural(rows, "row")}`,
  maxRows: (field: Node, rows: number) => `${labelOf(field)} allows at most ${plural(rows, "row")}`,
  fileType: (field: FileField) => `${labelOf(field)} must be a file of type ${(field.accept ?? []).join(", ")}`,
  fileSize: (field: FileField) => `${labelOf(field)} must be at most ${bytes(field.maxSize ?? 0)}`,
  // The geo checks word their own problem (geo-schema.ts); the label goes before it.
  coordinates: (field: Node, problem: string) => `${labelOf(field)}${problem}`,
  points: (field: Node, problem: string) => `${labelOf(field)}${problem}`,
  ring: (field: Node, problem: string) => `${labelOf(field)}${problem}`,
  selfIntersection: (field: Node, problem: string) => `${labelOf(field)}${problem}`,
  unknownField: (group: Node | undefined, key: string) =>
    group ? `${labelOf(group)} has no field "${key}"` : `There is no field "${key}"`,
  computeFailed: (node: Node, rule: string, error: unknown) =>
    `${labelOf(node)}: its ${rule} could not be computed (${error instanceof Error ? error.message : String(error)})`,
} satisfies Record<ParamsRule, (...args: never[]) => string>;

function quantity(field: Node, value: number): string {
  return "suffix" in field && field.suffix ? `${value} ${field.suffix}` : String(value);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function listed(values: readonly OptionValue[]): string {
  const shown = values.slice(0, MAX_OPTIONS_LISTED).join(", ");
  return values.length > MAX_OPTIONS_LISTED ? `${shown}, … (${values.length} options)` : shown;
}

function bytes(size: number): string {
  const units = ["bytes", "kB", "MB", "GB"] as const;
  let scaled = size;
  let unit = 0;
  while (scaled >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  return `${Number(scaled.toFixed(1))} ${units[unit]}`;
}
