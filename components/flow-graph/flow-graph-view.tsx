import { layoutGraph } from "@/lib/flow/layout-graph";
import type { FlowGraph } from "@/lib/flow";
import type { NodeCounts } from "@/lib/flow/inbox/flow-node-counts";

export interface FlowGraphViewProps {
  readonly graph: FlowGraph;
  /** Nodes the process is at now (open tasks). */
  readonly current?: ReadonlySet<string>;
  /** Nodes the process has passed through. */
  readonly visited?: ReadonlySet<string>;
  /** Nodes with a task in error. */
  readonly errored?: ReadonlySet<string>;
  /** Per node: running, done, errored counts (the flows page). */
  readonly counts?: Readonly<Record<string, NodeCounts>>;
  readonly label: string;
}

const KIND_FILL: Record<string, string> = {
  start: "#e0f2fe",
  startHandle: "#e0f2fe",
  end: "#dcfce7",
  view: "#ffffff",
  job: "#fef3c7",
  handler: "#f1f5f9",
  if: "#f5f3ff",
  switch: "#f5f3ff",
  split: "#f5f3ff",
  join: "#f5f3ff",
  subprocess: "#fff7ed",
};

/** A flow drawn as boxes and arrows, laid out by lib/flow/layout-graph.ts; the path taken and the current position highlighted. */
export function FlowGraphView({ graph, current, visited, errored, counts, label }: FlowGraphViewProps) {
  const layout = layoutGraph(graph, { nodeHeight: counts ? 58 : 44 });
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      className="max-w-full"
      data-testid="flow-graph"
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#64748b" />
        </marker>
        <marker id="arrow-on" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#2563eb" />
        </marker>
      </defs>
      {layout.edges.map((edge, index) => {
        const taken = visited?.has(edge.from) && (visited.has(edge.to) || current?.has(edge.to));
        return (
          <g key={`${edge.from}-${edge.to}-${index}`}>
            <polyline
              points={edge.points.map((point) => `${point.x},${point.y}`).join(" ")}
              fill="none"
              stroke={taken ? "#2563eb" : "#94a3b8"}
              strokeWidth={taken ? 2.5 : 1.5}
              strokeDasharray={edge.back ? "5 4" : undefined}
              markerEnd={`url(#${taken ? "arrow-on" : "arrow"})`}
            />
            {edge.kind !== "next" && edge.kind !== "branch" && (
              <text
                x={(edge.points[0]!.x + edge.points[1]!.x) / 2}
                y={(edge.points[0]!.y + edge.points[1]!.y) / 2 - 4}
                fontSize="10"
                textAnchor="middle"
                fill="#475569"
              >
                {edge.kind}
              </text>
            )}
          </g>
        );
      })}
      {layout.nodes.map((node) => {
        const isCurrent = current?.has(node.name) ?? false;
        const isError = errored?.has(node.name) ?? false;
        const wasVisited = visited?.has(node.name) ?? false;
        const stroke = isError ? "#dc2626" : isCurrent ? "#2563eb" : wasVisited ? "#60a5fa" : "#cbd5e1";
        const count = counts?.[node.name];
        return (
          <g key={node.name} data-node={node.name} data-state={isError ? "error" : isCurrent ? "current" : wasVisited ? "visited" : "idle"}>
            <rect
              x={node.x}
              y={node.y}
              width={node.width}
              height={node.height}
              rx={node.kind === "start" || node.kind === "end" ? 22 : 6}
              fill={isCurrent ? "#dbeafe" : (KIND_FILL[node.kind] ?? "#fff")}
              stroke={stroke}
              strokeWidth={isCurrent || isError ? 3 : 1.5}
            />
            <text x={node.x + node.width / 2} y={node.y + 18} fontSize="12" fontWeight={600} textAnchor="middle" fill="#0f172a">
              {truncate(node.title, 22)}
            </text>
            <text x={node.x + node.width / 2} y={node.y + 32} fontSize="10" textAnchor="middle" fill="#64748b">
              {node.kind}
            </text>
            {count && (
              <text x={node.x + node.width / 2} y={node.y + 48} fontSize="10" textAnchor="middle">
                <tspan fill="#1d4ed8">{count.running} running</tspan>
                <tspan fill="#047857"> · {count.done} done</tspan>
                <tspan fill={count.error ? "#b91c1c" : "#94a3b8"}> · {count.error} err</tspan>
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
