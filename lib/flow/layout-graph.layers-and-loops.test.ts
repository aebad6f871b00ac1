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
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
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

  it("never draws a back edge through a box: its source goes last among tied nodes, or it steps aside first", () => {
    const crossesABox = (layout: ReturnType<typeof layoutGraph>) =>
      layout.edges
        .filter((edge) => edge.back)
        .flatMap((edge) =>
          edge.points.slice(1).flatMap((end, i) => {
            const start = edge.points[i]!;
            const [x1, x2] = [Math.min(start.x, end.x), Math.max(start.x, end.x)];
            const [y1, y2] = [Math.min(start.y, end.y), Math.max(start.y, end.y)];
            // Strictly inside a box: touching the source's or target's border is where the edge starts and ends.
            return layout.nodes
              .filter((n) => x2 > n.x && x1 < n.x + n.width && y2 > n.y && y1 < n.y + n.height)
              .map((n) => `${edge.from}->${edge.to} through ${n.name}`);
          }),
        );
    const review = layoutGraph(flowGraph(designReview));
    expect(crossesABox(review)).toEqual([]);
    const at = (name: string) => review.nodes.find((n) => n.name === name)!;
    expect(at("revise").y).toBeGreaterThan(at("report").y);

    // Not tied: "b" loops back to "a" but their predecessors put them above "c" and "p", so the
    // loop steps into the gaps beside their layers.
    const graph: FlowGraph = {
      nodes: ["a", "p", "b", "c"].map(node),
      edges: [
        { from: "a", to: "b", kind: "next" },
        { from: "p", to: "c", kind: "next" },
        { from: "b", to: "a", kind: "next" },
      ],
    };
    const stepped = layoutGraph(graph);
    expect(crossesABox(stepped)).toEqual([]);
    const y = (name: string) => stepped.nodes.find((n) => n.name === name)!.y;
    expect([y("a") < y("p"), y("b") < y("c")]).toEqual([true, true]);
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
