import { describe, expect, it } from "vitest";
import { designReview } from "@/definitions/flows/design-review";
import { flowGraph, type FlowGraph } from "./graph";
import { layoutGraph } from "./layout-graph";

const node = (name: string) => ({ name, kind: "handler" as const, title: name });

describe("layoutGraph", () => {
  it("puts each node one layer after its longest path and keeps boxes apart", () => {
    const graph: FlowGraph = {
      nodes: ["a", "b", "c", "d"].map(node),
      edges: [
        { from: "a", to: "b", kind: "next" },
        { from: "b", to: "c", kind: "next" },
        { from: "a", to: "c", kind: "then" },
        { from: "c", to: "d", kind: "next" },
      ],
    };
    const layout = layoutGraph(graph);
    const layers = Object.fromEntries(layout.nodes.map((n) => [n.name, n.layer]));
    expect(layers).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect(layout.edges.every((edge) => !edge.back)).toBe(true);
    for (const a of layout.nodes) for (const b of layout.nodes) {
      if (a === b) continue;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${a.name} and ${b.name} overlap`).toBe(true);
    }
    expect(Math.max(...layout.nodes.map((n) => n.x + n.width))).toBeLessThanOrEqual(layout.width);
  });

  it("draws the design review's rework loop as one back edge under the boxes", () => {
    const layout = layoutGraph(flowGraph(designReview));
    const back = layout.edges.filter((edge) => edge.back);
    expect(back.map((edge) => `${edge.from}->${edge.to}`)).toEqual(["revise->review"]);
    const bottom = Math.max(...layout.nodes.map((n) => n.y + n.height));
    expect(back[0]!.points[1]!.y).toBeGreaterThan(bottom);
    const layer = (name: string) => layout.nodes.find((n) => n.name === name)!.layer;
    expect(layer("start")).toBe(0);
    expect(layer("review")).toBeLessThan(layer("decide"));
    expect(layer("report")).toBe(layer("revise"));
    expect(layer("approved")).toBeGreaterThan(layer("report"));
  });

  it("is deterministic and places parallel branches in written order", () => {
    const graph: FlowGraph = {
      nodes: ["s", "x", "y", "j"].map(node),
      edges: [
        { from: "s", to: "x", kind: "branch" },
        { from: "s", to: "y", kind: "branch" },
        { from: "x", to: "j", kind: "next" },
        { from: "y", to: "j", kind: "next" },
      ],
    };
    const first = layoutGraph(graph);
    expect(layoutGraph(graph)).toEqual(first);
    const x = first.nodes.find((n) => n.name === "x")!;
    const y = first.nodes.find((n) => n.name === "y")!;
    expect(x.layer).toBe(y.layer);
    expect(x.y).toBeLessThan(y.y);
  });
});
