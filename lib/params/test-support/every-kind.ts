// A parametrization with every node kind and no computed rules, and an arbitrary that produces its
// valid params, some keys left out to take their defaults.
import fc from "fast-check";
import {
  autocomplete,
  boolean,
  color,
  date,
  dynamicArray,
  entity,
  file,
  image,
  integer,
  lineBreak,
  markdown,
  multiSelect,
  number,
  option,
  parametrization,
  section,
  tab,
  table,
  text,
  textarea,
  type Node,
  type NodesByKey,
  type OptionInput,
} from "@/lib/params";

export const everyKind = parametrization({
  scalars: tab("Scalars", {
    length: number("Length", { min: 1, max: 30, default: 6, suffix: "m" }),
    offset: number("Offset", { optional: true, suffix: "mm" }),
    bolts: integer("Bolts", { min: 2, max: 12 }),
    name: text("Name", { maxLength: 12 }),
    code: text("Code", { minLength: 3, maxLength: 5, optional: true }),
    notes: textarea("Notes", { optional: true }),
    enabled: boolean("Enabled"),
    inspected: date("Inspected", { optional: true }),
    paint: color("Paint", { default: "#1e88e5" }),
    note: markdown("Scalars **only**."),
    gap: lineBreak(),
  }),
  choices: tab("Choices", {
    family: option("Family", { options: ["IPE", "HEA"], default: "IPE", variant: "radio" }),
    spans: option("Spans", {
      options: [
        { value: 1, label: "one" },
        { value: 2, label: "two" },
      ],
      optional: true,
    }),
    material: autocomplete("Material", { options: ["S235", "S355"] }),
    cases: multiSelect("Load cases", { options: ["dead", "live", "wind"], default: ["dead"] }),
    refs: section("References", {
      soil: entity("Soil", { entityType: "SoilProfile", optional: true }),
      drawing: file("Drawing", { accept: [".pdf", "image/*"], maxSize: 1_000_000, optional: true }),
      picture: image("/beam.svg", { alt: "Beam" }),
    }),
  }),
  rows: tab("Rows", {
    points: table(
      "Point loads",
      {
        x: number("Position", { min: 0, suffix: "m" }),
        F: number("Force", { suffix: "kN", default: 10 }),
        kind: option("Kind", { options: ["point", "moment"], default: "point" }),
      },
      { maxRows: 4, default: [{ x: 1 }] },
    ),
    segments: dynamicArray(
      "Segments",
      { length: number("Length", { min: 0.1, suffix: "m" }), label: text("Label", { optional: true }), hint: markdown("Per segment") },
      { minRows: 1, maxRows: 3, rowLabel: "Segment" },
    ),
  }),
});

/** Valid params for these nodes, each field with a default sometimes left out. */
export function validParams(nodes: NodesByKey<Node>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(nodes).filter(([, node]) => "label" in node);
  const shape = Object.fromEntries(entries.map(([key, node]) => [key, validValue(node)]));
  const required = entries.filter(([, node]) => !hasDefault(node)).map(([key]) => key);
  return fc.record(shape, { requiredKeys: required });
}

function hasDefault(node: Node): boolean {
  if (node.kind === "tab" || node.kind === "step" || node.kind === "section") return Object.values(node.children).every(hasDefault);
  if (node.kind === "boolean" || node.kind === "multiSelect" || !("label" in node)) return true;
  if (node.kind === "table" || node.kind === "dynamicArray") return (node.minRows ?? 0) === 0;
  return "optional" in node && node.optional === true ? true : "default" in node && node.default !== undefined;
}

function validValue(node: Node): fc.Arbitrary<unknown> {
  const value = nonEmptyValue(node);
  return "optional" in node && node.optional ? fc.option(value, { nil: null }) : value;
}

const values = (options: readonly OptionInput[] | undefined) =>
  (options ?? []).map((option) => (typeof option === "object" ? option.value : option));

function nonEmptyValue(node: Node): fc.Arbitrary<unknown> {
  switch (node.kind) {
    case "tab":
    case "step":
    case "section":
      return validParams(node.children);
    case "number":
      return fc.double({ min: node.min ?? -1e9, max: node.max ?? 1e9, noNaN: true });
    case "integer":
      return fc.integer({ min: node.min ?? -1e9, max: node.max ?? 1e9 });
    case "text":
    case "textarea":
      return fc.string({ minLength: node.minLength ?? 1, maxLength: node.maxLength ?? 20 });
    case "boolean":
      return fc.boolean();
    case "option":
    case "autocomplete":
      return fc.constantFrom(...values(node.options));
    case "multiSelect":
      return fc.subarray(values(node.options));
    case "date":
      return fc
        .date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true })
        .map((day) => day.toISOString().slice(0, 10));
    case "color":
      return fc.integer({ min: 0, max: 0xffffff }).map((rgb) => `#${rgb.toString(16).padStart(6, "0")}`);
    case "entity":
      return fc.uuid();
    case "file":
      return fc.record({
        fileId: fc.uuid(),
        name: fc.string({ minLength: 1, maxLength: 10 }).map((stem) => `${stem}.pdf`),
        size: fc.integer({ min: 0, max: node.maxSize ?? 1e9 }),
        type: fc.constantFrom("application/pdf", "image/png"),
      });
    case "table":
      return fc.array(validParams(node.columns), { minLength: node.minRows ?? 0, maxLength: Math.min(node.maxRows ?? 4, 4) });
    case "dynamicArray":
      return fc.array(validParams(node.children), { minLength: node.minRows ?? 0, maxLength: Math.min(node.maxRows ?? 4, 4) });
    default:
      return fc.constant(undefined);
  }
}
