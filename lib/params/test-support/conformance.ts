// An independent reading of what `ParamsOf` promises: written against the layout, not against the
// schema it is checked with, so that property tests compare two implementations.
import type { Node, NodesByKey } from "@/lib/params";

const DISPLAY = new Set(["markdown", "lineBreak", "image"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Every way `value` differs from the params type of these nodes; `[]` when it conforms. */
export function conformanceProblems(nodes: NodesByKey<Node>, value: unknown, path = "params"): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${path}: not an object`];
  const record = value as Record<string, unknown>;
  const expected = Object.entries(nodes).filter(([, node]) => !DISPLAY.has(node.kind));
  const known = new Set(expected.map(([key]) => key));
  return [
    ...Object.keys(record)
      .filter((key) => !known.has(key))
      .map((key) => `${path}.${key}: not a field`),
    ...expected.flatMap(([key, node]) =>
      Object.hasOwn(record, key) ? valueProblems(node, record[key], `${path}.${key}`) : [`${path}.${key}: missing`],
    ),
  ];
}

function valueProblems(node: Node, value: unknown, path: string): string[] {
  if (value === null) return "optional" in node && node.optional ? [] : [`${path}: null in a required field`];
  const fail = (what: string) => [`${path}: ${what}`];
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
      return conformanceProblems(node.children, value, path);
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? [] : fail("not a finite number");
    case "integer":
      return Number.isSafeInteger(value) ? [] : fail("not a whole number");
    case "text":
    case "textarea":
    case "entity":
      return typeof value === "string" ? [] : fail("not a string");
    case "date":
      return typeof value === "string" && ISO_DATE.test(value) ? [] : fail("not an ISO date");
    case "color":
      return typeof value === "string" && HEX_COLOR.test(value) ? [] : fail("not a hex colour");
    case "boolean":
      return typeof value === "boolean" ? [] : fail("not a boolean");
    case "option":
    case "autocomplete":
      return isChoice(node.options, value) ? [] : fail("not one of the options' values");
    case "multiSelect":
      return Array.isArray(value) && value.every((choice) => isChoice(node.options, choice)) ? [] : fail("not a list of option values");
    case "file": {
      const file = value as Record<string, unknown>;
      const exact = typeof value === "object" && !Array.isArray(value) && Object.keys(file).sort().join() === "fileId,name,size,type";
      return exact &&
        typeof file.fileId === "string" &&
        typeof file.name === "string" &&
        Number.isSafeInteger(file.size) &&
        typeof file.type === "string"
        ? []
        : fail("not a file reference");
    }
    case "table":
      return Array.isArray(value)
        ? value.flatMap((row, index) => conformanceProblems(node.columns, row, `${path}[${index}]`))
        : fail("not a list");
    case "dynamicArray":
      return Array.isArray(value)
        ? value.flatMap((row, index) => conformanceProblems(node.children, row, `${path}[${index}]`))
        : fail("not a list");
    default:
      return fail(`a ${node.kind} holds no value`);
  }
}

// Static options make the type a union of their values; computed options make it `string`.
function isChoice(options: readonly (string | number | { value: string | number })[] | undefined, value: unknown): boolean {
  if (!options) return typeof value === "string";
  return options.some((option) => (typeof option === "object" ? option.value : option) === value);
}
