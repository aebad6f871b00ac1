// Type-level tests: `tsc --noEmit` checks the `expectTypeOf` lines and the `@ts-expect-error`
// lines (an error that stops happening fails the type check); vitest runs the few runtime asserts.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  autocomplete,
  boolean,
  color,
  date,
  dynamicArray,
  entity,
  file,
  integer,
  lineBreak,
  markdown,
  multiSelect,
  number,
  option,
  parametrization,
  section,
  step,
  tab,
  table,
  text,
  textarea,
  image,
  validateParams,
  type FileRef,
  type Parametrization,
  type ParamsOf,
  type ParamsOfNodes,
  type RuleContext,
} from "@/lib/params";

const profilesFor = (length: number) => (length > 10 ? ["IPE 400", "IPE 500"] : ["IPE 200", "IPE 300"]);

// The example of the issue, in this DSL: the layout first, then its computed rules.
const beam = parametrization(
  {
    geometry: tab("Geometry", {
      length: number("Length", { min: 1, max: 30, default: 6, suffix: "m" }),
      profile: option("Profile"),
    }),
    loads: tab("Loads", {
      points: table("Point loads", { x: number("Position", { suffix: "m" }), F: number("Force", { suffix: "kN" }) }),
    }),
  },
  {
    "geometry.profile": { options: ({ params }) => profilesFor(params.geometry.length) },
  },
);

/** `expectTypeOf` the params type of a parametrization, having checked that its layout is plain data. */
function expectParamsOf<P extends Parametrization>(parametrization: P) {
  expect(JSON.parse(JSON.stringify(parametrization.layout))).toEqual(parametrization.layout);
  return expectTypeOf<ParamsOf<P>>();
}

describe("ParamsOf", () => {
  it("infers the issue's example exactly, table rows included", () => {
    expectParamsOf(beam).toEqualTypeOf<{
      geometry: { length: number; profile: string };
      loads: { points: { x: number; F: number }[] };
    }>();
  });

  it("is the type of what validateParams returns", () => {
    const result = validateParams(beam, { geometry: { profile: "IPE 200" }, loads: { points: [] } }, { source: "browser" });
    expect(result).toEqual({ ok: true, params: { geometry: { length: 6, profile: "IPE 200" }, loads: { points: [] } } });
    if (result.ok) expectTypeOf(result.params).toEqualTypeOf<ParamsOf<typeof beam>>();
  });

  it("types every field kind, optional ones as T | null, and leaves display items out", () => {
    const everything = parametrization({
      main: section("Main", {
        count: integer("Count"),
        name: text("Name", { optional: true }),
        notes: textarea("Notes", { optional: true }),
        enabled: boolean("Enabled"),
        material: autocomplete("Material", { options: ["S235", "S355"] as const }),
        cases: multiSelect("Load cases", { options: ["dead", "live"] }),
        inspected: date("Inspected", { optional: true }),
        paint: color("Paint", { default: "#ff8800" }),
        soil: entity("Soil", { entityType: "SoilProfile" }),
        drawing: file("Drawing", { optional: true }),
        help: markdown("Fill in **everything**."),
        gap: lineBreak(),
        picture: image("/beam.svg"),
      }),
      spans: dynamicArray("Spans", {
        length: number("Length", { suffix: "m" }),
        support: option("Support", {
          options: [
            { value: 1, label: "pinned" },
            { value: 2, label: "fixed" },
          ],
          optional: true,
        }),
        note: markdown("Per span"),
      }),
    });
    expectParamsOf(everything).toEqualTypeOf<{
      main: {
        count: number;
        name: string | null;
        notes: string | null;
        enabled: boolean;
        material: "S235" | "S355";
        cases: ("dead" | "live")[];
        inspected: string | null;
        paint: string;
        soil: string;
        drawing: FileRef | null;
      };
      spans: { length: number; support: 1 | 2 | null }[];
    }>();
  });

  it("keeps literal option values with or without `as const`, and widens a string[] variable", () => {
    const names: string[] = ["a", "b"];
    const p = parametrization({
      plain: option("Plain", { options: ["a", "b"] }),
      asConst: option("As const", { options: ["a", "b"] as const }),
      numbers: option("Numbers", { options: [1, 2, 3], variant: "radioInline" }),
      widened: option("Widened", { options: names }),
    });
    expectParamsOf(p).toEqualTypeOf<{
      plain: "a" | "b";
      asConst: "a" | "b";
      numbers: 1 | 2 | 3;
      widened: string;
    }>();
  });

  it("works with steps and sections at the top level too", () => {
    const wizard = parametrization({
      one: step("1. Geometry", { length: number("Length") }),
      two: step("2. Loads", { wind: section("Wind", { speed: number("Speed", { optional: true }) }) }),
    });
    expectParamsOf(wizard).toEqualTypeOf<{
      one: { length: number };
      two: { wind: { speed: number | null } };
    }>();
    const flat = parametrization({ length: number("Length"), width: number("Width") });
    expectParamsOf(flat).toEqualTypeOf<{ length: number; width: number }>();
  });
});

describe("computed rules", () => {
  it("receive the params of the whole parametrization, typed", () => {
    const layout = {
      geometry: tab("Geometry", {
        nodes: table("Nodes", { id: text("Id"), x: number("x", { suffix: "m" }) }),
      }),
      loads: tab("Loads", {
        points: table("Point loads", { node: option("Node"), F: number("Force") }),
        wind: section("Wind", { on: boolean("Wind"), speed: number("Speed", { default: 20 }) }),
        spans: dynamicArray("Spans", { fixed: boolean("Fixed"), stiffness: number("Stiffness", { default: 1 }) }),
      }),
    };
    const p = parametrization(layout, {
      "loads.points.node": {
        options: (context) => {
          expectTypeOf(context).toEqualTypeOf<RuleContext<ParamsOfNodes<typeof layout>>>();
          return context.params.geometry.nodes.map((node) => node.id);
        },
      },
      "loads.wind.speed": {
        visible: ({ params }) => {
          expectTypeOf(params.loads.wind.on).toEqualTypeOf<boolean>();
          return params.loads.wind.on;
        },
        max: ({ params }) => params.geometry.nodes.length * 10,
      },
      // A dynamic array's fields also get their own row and its index.
      "loads.spans.stiffness": {
        visible: ({ row, index }) => {
          expectTypeOf(row).toEqualTypeOf<{ fixed: boolean; stiffness: number }>();
          expectTypeOf(index).toEqualTypeOf<number>();
          return !row.fixed;
        },
      },
    });
    expectParamsOf(p).toEqualTypeOf<ParamsOfNodes<typeof layout>>();
    expect(Object.keys(p.computed)).toEqual(["loads.points.node", "loads.wind.speed", "loads.spans.stiffness"]);
  });
});

describe("what must not compile", () => {
  const layout = {
    geometry: tab("Geometry", {
      family: option("Family", { options: ["IPE", "HEA"], default: "IPE" }),
      length: number("Length", { min: 1, max: 30, default: 6 }),
      profile: option("Profile"),
      name: text("Name", { default: "B1" }),
    }),
    loads: tab("Loads", { points: table("Points", { x: number("x"), label: text("Label") }) }),
  };

  it("refuses a rule reading a param that does not exist", () => {
    parametrization(layout, {
      // @ts-expect-error -- there is no `geometry.width`
      "geometry.profile": { options: ({ params }) => [String(params.geometry.width)] },
    });
  });

  it("refuses rules on unknown paths, rules a node cannot have, and wrong return types", () => {
    const rules = (computed: Parameters<typeof parametrization<typeof layout>>[1]) => computed;
    // @ts-expect-error -- no field at this path
    rules({ "geometry.lenght": { visible: () => true } });
    // @ts-expect-error -- a text field has no min
    rules({ "geometry.name": { min: () => 1 } });
    // @ts-expect-error -- a table column has no visibility of its own
    rules({ "loads.points.x": { visible: () => true } });
    // @ts-expect-error -- options of a "IPE" | "HEA" field must be among those values
    rules({ "geometry.family": { options: () => ["HEB"] } });
    // @ts-expect-error -- visibility is a boolean
    rules({ "geometry.length": { visible: () => "yes" } });
    expect(rules({ "geometry.length": { max: ({ params }) => (params.geometry.family === "IPE" ? 20 : 30) } })).toBeDefined();
  });

  it("refuses defaults and options of the wrong type, and misspelt options", () => {
    // @ts-expect-error -- the default must be one of the options
    option("Family", { options: ["IPE", "HEA"], default: "HEB" });
    // @ts-expect-error -- a number's default is a number
    number("Length", { default: "6" });
    // @ts-expect-error -- misspelt option name
    number("Length", { sufix: "m" });
    // @ts-expect-error -- a table row default must have the columns' types
    table("Points", { x: number("x") }, { default: [{ x: "1" }] });
    // @ts-expect-error -- sections do not nest
    section("Outer", { inner: section("Inner", {}) });
    // @ts-expect-error -- a table column cannot be a table
    table("Outer", { inner: table("Inner", {}) });
    // @ts-expect-error -- pages do not nest
    tab("Outer", { inner: tab("Inner", {}) });
  });

  it("refuses a top level mixing tabs with fields, or tabs with steps, with a sentence", () => {
    // @ts-expect-error -- Put every top-level node in a tab (or a step), or use no tabs at all
    expect(() => parametrization({ geometry: tab("Geometry", {}), length: number("Length") })).toThrow(/top level/);
    // @ts-expect-error -- Use tabs or steps at the top level, not both
    expect(() => parametrization({ one: tab("One", {}), two: step("Two", {}) })).toThrow(/tabs or steps/);
  });
});
