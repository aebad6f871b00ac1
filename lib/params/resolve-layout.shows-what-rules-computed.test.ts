import { describe, expect, it } from "vitest";
import {
  dynamicArray,
  lineBreak,
  markdown,
  number,
  option,
  parametrization,
  resolveLayout,
  section,
  step,
  tab,
  table,
  text,
  withDefaults,
  type ResolvedNode,
} from "@/lib/params";
import { steelBeam, steelBeamInput } from "@/lib/params/test-support/steel-beam";

/** The resolved node at a path, walking children, columns and rows. */
function nodeAt(nodes: readonly ResolvedNode[], path: string): ResolvedNode | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    const below = [...(node.children ?? []), ...(node.columns ?? []), ...(node.rows ?? []).flat()];
    const found = nodeAt(below, path);
    if (found) return found;
  }
  return undefined;
}

describe("resolveLayout", () => {
  it("walks tabs, sections and fields in display order, with kind, label, help and width", () => {
    const layout = resolveLayout(steelBeam, steelBeamInput(3, 1));
    expect(layout.navigation).toBe("tabs");
    expect(layout.nodes.map((node) => [node.path, node.definition.kind, node.flex])).toEqual([
      ["geometry", "tab", 100],
      ["loads", "tab", 100],
      ["analysis", "tab", 100],
    ]);
    const geometry = layout.nodes[0]?.children ?? [];
    expect(geometry.map((node) => node.key)).toEqual(["intro", "beam", "nodes"]);
    expect(nodeAt(layout.nodes, "geometry.beam.length")).toMatchObject({
      definition: { kind: "number", label: "Length", suffix: "m", decimals: 2 },
      visible: true,
      flex: 33,
      min: 1,
      max: 60,
    });
  });

  it("computes options from params: profiles from the family, node ids from the nodes table's rows", () => {
    const input = steelBeamInput(3, 1);
    const layout = resolveLayout(steelBeam, { ...input, geometry: { ...input.geometry, beam: { ...input.geometry.beam, family: "HEB" } } });
    expect(nodeAt(layout.nodes, "geometry.beam.profile")?.options?.slice(0, 2)).toEqual([
      { value: "HEB 200", label: "HEB 200" },
      { value: "HEB 240", label: "HEB 240" },
    ]);
    expect(nodeAt(layout.nodes, "loads.points.node")?.options).toEqual([
      { value: "N1", label: "N1" },
      { value: "N2", label: "N2" },
      { value: "N3", label: "N3" },
    ]);
    expect(nodeAt(layout.nodes, "geometry.nodes.x")?.max).toBe(12);
  });

  it("hides fields and sections whose rule says so, and everything inside a hidden group", () => {
    const p = parametrization(
      {
        mode: option("Mode", { options: ["simple", "advanced"], default: "simple" }),
        advanced: section("Advanced", { factor: number("Factor", { default: 1 }), note: markdown("Careful") }),
      },
      { advanced: { visible: ({ params }) => params.mode === "advanced" } },
    );
    const hidden = resolveLayout(p, withDefaults(p, {}));
    expect([nodeAt(hidden.nodes, "advanced")?.visible, nodeAt(hidden.nodes, "advanced.factor")?.visible]).toEqual([false, false]);
    const shown = resolveLayout(p, withDefaults(p, { mode: "advanced" }));
    expect([nodeAt(shown.nodes, "advanced")?.visible, nodeAt(shown.nodes, "advanced.factor")?.visible]).toEqual([true, true]);
  });

  it("resolves a dynamic array's fields row by row", () => {
    const p = parametrization(
      {
        spans: dynamicArray("Spans", {
          kind: option("Kind", { options: ["fixed", "spring"], default: "fixed" }),
          k: number("k", { default: 1 }),
        }),
      },
      { "spans.k": { visible: ({ row }) => row.kind === "spring" } },
    );
    const layout = resolveLayout(p, {
      spans: [
        { kind: "fixed", k: 1 },
        { kind: "spring", k: 2 },
      ],
    });
    expect(layout.nodes[0]?.rows?.map((row) => row.map((node) => [node.path, node.visible]))).toEqual([
      [
        ["spans[0].kind", true],
        ["spans[0].k", false],
      ],
      [
        ["spans[1].kind", true],
        ["spans[1].k", true],
      ],
    ]);
  });

  it("reports a rule that throws on a draft, and falls back to the static definition", () => {
    const p = parametrization(
      {
        nodes: table("Nodes", { id: text("Id") }),
        first: option("First node", { optional: true }),
      },
      { first: { options: ({ params }) => [params.nodes[0]!.id] } },
    );
    const [, first] = resolveLayout(p, withDefaults(p, {})).nodes;
    expect(first?.options).toEqual([]);
    expect(first?.ruleErrors).toEqual([expect.stringMatching(/^First node: its options could not be computed \(/)]);
  });

  it("tells steps and plain layouts apart, and gives each kind its default width", () => {
    const wizard = parametrization({ one: step("One", { a: number("A", { default: 1 }) }), two: step("Two", {}) });
    expect(resolveLayout(wizard, {}).navigation).toBe("steps");
    const plain = parametrization({ a: number("A", { flex: 50, default: 1 }), gap: lineBreak(), notes: markdown("Hi") });
    expect(resolveLayout(plain, {}).nodes.map((node) => [node.key, node.flex])).toEqual([
      ["a", 50],
      ["gap", 100],
      ["notes", 100],
    ]);
    expect(resolveLayout(parametrization({ t: tab("T", {}) }), {}).navigation).toBe("tabs");
  });

  it("is plain data, so a server component can hand it to the browser", () => {
    const layout = resolveLayout(steelBeam, steelBeamInput(3, 1));
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });
});
