import type { FlowGraph, GraphEdge, GraphNode } from "./graph";

/** A node placed on the drawing: its box's top-left corner and size. */
export interface PlacedNode extends GraphNode {
  readonly layer: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge drawn as a polyline; `back` marks an edge that loops to an earlier layer (a flow's rework loop). */
export interface PlacedEdge extends GraphEdge {
  readonly back: boolean;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface GraphLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

export interface LayoutOptions {
  /** Box size. Default 150 × 44. */
  readonly nodeWidth?: number;
  readonly nodeHeight?: number;
  /** Space between layers (columns) and between boxes of one layer. Default 60 and 28. */
  readonly layerGap?: number;
  readonly nodeGap?: number;
  /** Margin around the drawing. Default 16. */
  readonly margin?: number;
}

/**
 * Lays a flow out left to right in layers, pure and deterministic:
 * 1. cycles are broken by dropping the edges a depth-first walk from the first node finds going back
 *    (they are drawn as back edges, below the boxes);
 * 2. each node's layer is the longest path to it from a node without predecessors;
 * 3. within a layer, nodes are ordered by the mean position of their predecessors (one barycentre
 *    sweep); of tied nodes, those a back edge leaves or enters go last, so the loop drops straight
 *    down, and the rest keep written order; each layer is centred vertically;
 * 4. a back edge goes down from its source, left under every box and up into its target; when a box
 *    sits below its source (or target), it steps into the gap beside the layer first, never through a box.
 */
export function layoutGraph(graph: FlowGraph, options: LayoutOptions = {}): GraphLayout {
  const nodeWidth = options.nodeWidth ?? 150;
  const nodeHeight = options.nodeHeight ?? 44;
  const layerGap = options.layerGap ?? 60;
  const nodeGap = options.nodeGap ?? 28;
  const margin = options.margin ?? 16;
  const names = graph.nodes.map((node) => node.name);
  const known = new Set(names);
  const edges = graph.edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  const back = backEdges(names, edges);
  const forward = edges.filter((edge) => !back.has(edge));
  const loopEnds = new Set([...back].flatMap((edge) => [edge.from, edge.to]));

  // Longest path layering over the acyclic forward edges (Kahn's order).
  const layer = new Map(names.map((name) => [name, 0]));
  const indegree = new Map(names.map((name) => [name, 0]));
  for (const edge of forward) indegree.set(edge.to, indegree.get(edge.to)! + 1);
  const ready = names.filter((name) => indegree.get(name) === 0);
  for (let index = 0; index < ready.length; index++) {
    const name = ready[index]!;
    for (const edge of forward) {
      if (edge.from !== name) continue;
      layer.set(edge.to, Math.max(layer.get(edge.to)!, layer.get(name)! + 1));
      indegree.set(edge.to, indegree.get(edge.to)! - 1);
      if (indegree.get(edge.to) === 0) ready.push(edge.to);
    }
  }

  const layerCount = Math.max(0, ...layer.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const name of names) layers[layer.get(name)!]!.push(name);
  const position = new Map<string, number>();
  for (const members of layers) {
    const written = new Map(members.map((name, index) => [name, index]));
    const score = (name: string) => {
      const from = forward.filter((edge) => edge.to === name && position.has(edge.from)).map((edge) => position.get(edge.from)!);
      return from.length ? from.reduce((a, b) => a + b, 0) / from.length : written.get(name)!;
    };
    const scores = new Map(members.map((name) => [name, score(name)]));
    const loops = (name: string) => (loopEnds.has(name) ? 1 : 0);
    members.sort((a, b) => scores.get(a)! - scores.get(b)! || loops(a) - loops(b) || written.get(a)! - written.get(b)!);
    members.forEach((name, index) => position.set(name, index));
  }

  const tallest = Math.max(1, ...layers.map((members) => members.length));
  const columnHeight = tallest * nodeHeight + (tallest - 1) * nodeGap;
  const placed = new Map<string, PlacedNode>();
  for (const node of graph.nodes) {
    const l = layer.get(node.name)!;
    const members = layers[l]!;
    const height = members.length * nodeHeight + (members.length - 1) * nodeGap;
    const top = margin + (columnHeight - height) / 2;
    placed.set(node.name, {
      ...node,
      layer: l,
      x: margin + l * (nodeWidth + layerGap),
      y: top + position.get(node.name)! * (nodeHeight + nodeGap),
      width: nodeWidth,
      height: nodeHeight,
    });
  }

  const backDepth = nodeGap;
  let loops = 0;
  const placedEdges: PlacedEdge[] = edges.map((edge) => {
    const from = placed.get(edge.from)!;
    const to = placed.get(edge.to)!;
    if (!back.has(edge)) {
      return {
        ...edge,
        back: false,
        points: [
          { x: from.x + from.width, y: from.y + from.height / 2 },
          { x: to.x, y: to.y + to.height / 2 },
        ],
      };
    }
    // A loop back: down from the bottom of the source, left under everything, up into the target.
    loops++;
    const below = margin + columnHeight + backDepth * loops;
    const boxedBelow = (node: PlacedNode) => layers[node.layer]!.some((name) => placed.get(name)!.y > node.y);
    const right = from.x + from.width + layerGap / 2;
    const leave = boxedBelow(from)
      ? [
          { x: from.x + from.width, y: from.y + from.height / 2 },
          { x: right, y: from.y + from.height / 2 },
          { x: right, y: below },
        ]
      : [
          { x: from.x + from.width / 2, y: from.y + from.height },
          { x: from.x + from.width / 2, y: below },
        ];
    const left = to.x - (to.layer === 0 ? margin : layerGap) / 2;
    const enter = boxedBelow(to)
      ? [
          { x: left, y: below },
          { x: left, y: to.y + to.height / 2 },
          { x: to.x, y: to.y + to.height / 2 },
        ]
      : [
          { x: to.x + to.width / 2, y: below },
          { x: to.x + to.width / 2, y: to.y + to.height },
        ];
    return { ...edge, back: true, points: [...leave, ...enter] };
  });
  return {
    nodes: [...placed.values()],
    edges: placedEdges,
    width: margin * 2 + layerCount * nodeWidth + (layerCount - 1) * layerGap,
    height: margin * 2 + columnHeight + backDepth * loops + (loops ? 8 : 0),
  };
}

/** The edges a depth-first walk (from each unvisited node, in written order) finds pointing to a node on its stack. */
function backEdges(names: readonly string[], edges: readonly GraphEdge[]): Set<GraphEdge> {
  const state = new Map<string, "open" | "done">();
  const found = new Set<GraphEdge>();
  const visit = (name: string) => {
    state.set(name, "open");
    for (const edge of edges) {
      if (edge.from !== name) continue;
      const target = state.get(edge.to);
      if (target === "open") found.add(edge);
      else if (target === undefined) visit(edge.to);
    }
    state.set(name, "done");
  };
  for (const name of names) if (!state.has(name)) visit(name);
  return found;
}
