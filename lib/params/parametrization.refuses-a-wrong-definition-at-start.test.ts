// The types refuse most of these; the checks also catch what a cast, a plain-JS author or a
// computed value gets past them, when the definition module loads rather than on a user's request.
import { describe, expect, it } from "vitest";
import { number, option, parametrization, ParamsDefinitionError, section, tab, table, text, type Layout } from "@/lib/params";

/** The problems `parametrization` throws for this layout and these rules, untyped on purpose. */
function problemsOf(layout: unknown, computed: unknown = {}): readonly string[] {
  try {
    parametrization(layout as Layout, computed as never);
  } catch (error) {
    if (error instanceof ParamsDefinitionError) return error.problems;
    throw error;
  }
  return [];
}

describe("parametrization checks its definition at once", () => {
  it.each<[string, unknown, unknown, string[]]>([
    [
      "a key that is not a name",
      { "span.length": number("L") },
      {},
      ['span.length: the key "span.length" must be letters, digits and _, starting with a letter'],
    ],
    [
      "a prototype key",
      { ["__proto__"]: number("L") },
      {},
      ['__proto__: the key "__proto__" must be letters, digits and _, starting with a letter'],
    ],
    ["a choice without options", { pick: option("Pick") }, {}, ["pick: Pick has no options; give `options` or compute them"]],
    ["an empty list of options", { pick: option("Pick", { options: [] }) }, {}, ["pick: Pick has an empty `options` list"]],
    [
      "an option value twice",
      { pick: option("Pick", { options: ["a", { value: "a", label: "A" }] }) },
      {},
      ["pick: Pick lists the same option value twice"],
    ],
    ["a slider without bounds", { f: number("F", { variant: "slider", min: 0 }) }, {}, ["f: a slider needs a max"]],
    ["min above max", { f: number("F", { min: 2, max: 1 }) }, {}, ["f: F has min 2 above max 1"]],
    ["a default out of bounds", { f: number("F", { max: 10, default: 20 }) }, {}, ["f: the default breaks a rule: F must be at most 10"]],
    [
      "a default row out of bounds",
      { p: table("P", { x: number("x", { min: 0 }) }, { default: [{ x: -1 }] }) },
      {},
      ["p[0].x: the default breaks a rule: x must be at least 0"],
    ],
    ["a rule for no node", { f: number("F") }, { g: { visible: () => true } }, ['computed rules for "g": there is no node at this path']],
    [
      "a rule the node cannot have",
      { name: text("Name") },
      { name: { min: () => 1 } },
      ['computed rules for "name": a text cannot have a computed min'],
    ],
    [
      "a visibility rule on a table column",
      { p: table("P", { x: number("x") }) },
      { "p.x": { visible: () => true } },
      [
        "p.x: x is required, has no default and can be hidden; give it a default or make it optional",
        'computed rules for "p.x": a number column cannot have a computed visible',
      ],
    ],
    [
      "a required field without default that can be hidden",
      { extra: section("Extra", { factor: number("Factor") }) },
      { extra: { visible: () => false } },
      ["extra.factor: Factor is required, has no default and can be hidden; give it a default or make it optional"],
    ],
    [
      "a section in a section",
      { outer: section("Outer", { inner: section("Inner", {}) as never }) },
      {},
      ["outer.inner: a section cannot be placed in a section"],
    ],
    [
      "a table in a table",
      { outer: table("Outer", { inner: table("Inner", {}) as never }) },
      {},
      ["outer.inner: a table cannot be placed in a table"],
    ],
    [
      "a tab beside a field",
      { t: tab("T", {}), f: number("F") },
      {},
      ["top level: put every node in a tab (or a step), or use no tabs at all"],
    ],
  ])("refuses %s", (_, layout, computed, problems) => {
    expect(problemsOf(layout, computed)).toEqual(problems);
  });

  it("lists every problem in one error", () => {
    const define = () => parametrization({ a: option("A"), b: number("B", { min: 2, max: 1 }) });
    expect(define).toThrow(
      new ParamsDefinitionError(["a: A has no options; give `options` or compute them", "b: B has min 2 above max 1"]),
    );
    expect(define).toThrow(/^Invalid parametrization:\n- a: A has no options/);
  });

  it("accepts a hideable field that has a default or may be empty, and a required one that cannot be hidden", () => {
    expect(
      problemsOf(
        {
          extra: section("Extra", { factor: number("Factor", { default: 1 }), note: text("Note", { optional: true }) }),
          always: number("Always"),
        },
        { extra: { visible: () => false } },
      ),
    ).toEqual([]);
  });

  it("freezes the layout, so that it cannot drift from the schema compiled from it", () => {
    const p = parametrization({ f: number("F", { max: 10 }) });
    expect(Object.isFrozen(p.layout.f)).toBe(true);
    expect(() => {
      (p.layout.f as { max?: number }).max = 20;
    }).toThrow(TypeError);
  });
});
