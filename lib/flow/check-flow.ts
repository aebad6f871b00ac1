import type { AnyFlow } from "./flow";
import { adjacency, reachable, type GraphEdge } from "./graph";
import type { AnyNode } from "./node";
import { EDGE_KINDS, NODE_KINDS, type NodeKind } from "./types";

export const FLOW_PROBLEM_CODES = [
  "invalid-flow-name",
  "invalid-version",
  "invalid-node-name",
  "not-a-node",
  "missing-next",
  "if-without-else",
  "switch-without-default",
  "split-single-branch",
  "unknown-target",
  "edge-into-start",
  "no-start",
  "no-end",
  "unreachable",
  "no-way-to-end",
  "join-single-input",
  "join-outside-split",
  "automatic-loop",
  "subprocess-without-start-handle",
] as const;
export type FlowProblemCode = (typeof FLOW_PROBLEM_CODES)[number];

export interface FlowProblem {
  readonly code: FlowProblemCode;
  /** The node the problem is on, when it is on one. */
  readonly node?: string;
  readonly message: string;
}

/** Thrown by `checkFlow`: the flow and every problem found in it. */
export class FlowDefinitionError extends Error {
  readonly flowName: string;
  readonly problems: readonly FlowProblem[];

  constructor(flowName: string, problems: readonly FlowProblem[]) {
    super(`Flow "${flowName}" cannot run:\n${problems.map((problem) => `  - ${problem.message}`).join("\n")}`);
    this.name = "FlowDefinitionError";
    this.flowName = flowName;
    this.problems = problems;
  }
}

/**
 * Run at startup on every flow: throws a FlowDefinitionError listing every problem, so a broken flow
 * stops the app before any process can get stuck in it.
 * @throws {FlowDefinitionError}
 */
export function checkFlow(flow: AnyFlow): void {
  const problems = findFlowProblems(flow);
  if (problems.length > 0) throw new FlowDefinitionError(flow.name, problems);
}

// Flow and node names are stored on rows and appear in URLs.
const FLOW_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const NODE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const STARTS: readonly NodeKind[] = ["start", "startHandle"];
const WITH_NEXT: readonly NodeKind[] = ["start", "startHandle", "view", "handler", "handle", "job", "join", "subprocess"];
// Nodes the engine runs at once, in the same transaction. A loop of only these never waits for
// anyone, so it would spin under the process lock forever.
const AUTOMATIC: readonly NodeKind[] = ["handler", "if", "switch", "split", "join"];

/** A flow's valid nodes by name, and the edges between them. */
interface Graph {
  readonly nodes: ReadonlyMap<string, AnyNode>;
  readonly edges: readonly GraphEdge[];
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

/**
 * Everything wrong with a flow, in the spirit of viewflow's checks: what the compiler cannot see
 * (the shape of the whole graph), and what a cast or plain JavaScript could slip past it.
 */
export function findFlowProblems(flow: AnyFlow): FlowProblem[] {
  const entries = Object.entries(flow.nodes as Record<string, unknown>);
  const nodes = new Map(entries.filter((entry): entry is [string, AnyNode] => isNode(entry[1])));
  const edges = [...nodes].flatMap(([from, node]) => node.edges.map((edge) => ({ from, to: edge.to, kind: edge.kind })));
  // Checks of the whole graph follow only edges between nodes it can run.
  const linking = edges.filter((edge) => edgeProblems(edge, nodes).length === 0);
  const graph: Graph = { nodes, edges: linking, successors: adjacency(linking) };
  return [
    ...nameProblems(flow),
    ...entries.flatMap(([name, node]) => nodeProblems(name, node)),
    ...edges.flatMap((edge) => edgeProblems(edge, nodes)),
    ...reachProblems(graph),
    ...joinProblems(graph),
    ...loopProblems(graph),
    ...subprocessProblems(graph),
  ];
}

function problem(code: FlowProblemCode, node: string | undefined, message: string): FlowProblem {
  return node === undefined ? { code, message } : { code, node, message };
}

function nameProblems(flow: AnyFlow): FlowProblem[] {
  return [
    ...(FLOW_NAME.test(flow.name)
      ? []
      : [problem("invalid-flow-name", undefined, `flow name "${flow.name}" must be lowercase words joined by "-"`)]),
    ...(Number.isInteger(flow.version) && flow.version >= 1
      ? []
      : [problem("invalid-version", undefined, `version ${flow.version} must be a whole number from 1`)]),
    ...Object.keys(flow.nodes)
      .filter((name) => !NODE_NAME.test(name))
      .map((name) => problem("invalid-node-name", name, `node name "${name}" must be a letter, then letters, digits or "_"`)),
  ];
}

/** A value that is not a node, or a builder step used as one (possible only past the compiler). */
function nodeProblems(name: string, node: unknown): FlowProblem[] {
  if (!isNode(node)) return [problem("not-a-node", name, `"${name}" is not a node (build it with the builders \`nodes\` receives)`)];
  const kinds = node.edges.map((edge) => edge.kind);
  const unfinished = (code: FlowProblemCode, needs: string) => [problem(code, name, `node "${name}" ${needs}`)];
  if (WITH_NEXT.includes(node.kind) && (kinds.length !== 1 || kinds[0] !== "next"))
    return unfinished("missing-next", "needs .next(target)");
  if (node.kind === "if" && (kinds[0] !== "then" || kinds[1] !== "else"))
    return unfinished("if-without-else", "needs .then(target).else(target)");
  if (node.kind === "switch" && kinds.at(-1) !== "default") return unfinished("switch-without-default", "needs .default(target)");
  if ((node.kind === "split" || node.kind === "splitFirst") && kinds.length < 2)
    return unfinished("split-single-branch", `has ${kinds.length} branch(es); a split opens two or more`);
  return [];
}

function edgeProblems(edge: GraphEdge, nodes: ReadonlyMap<string, AnyNode>): FlowProblem[] {
  const target = nodes.get(edge.to);
  if (target === undefined)
    return [problem("unknown-target", edge.from, `node "${edge.from}" goes to "${edge.to}", which is not a node of this flow`)];
  if (STARTS.includes(target.kind))
    return [
      problem("edge-into-start", edge.from, `node "${edge.from}" goes to start node "${edge.to}"; only a person or code starts a process`),
    ];
  return [];
}

function reachProblems({ nodes, edges, successors }: Graph): FlowProblem[] {
  const starts = namesOf(nodes, STARTS);
  const ends = namesOf(nodes, ["end"]);
  const reached = reachable(starts, successors);
  const toAnEnd = reachable(ends, adjacency(edges, true));
  return [
    ...(starts.length === 0 ? [problem("no-start", undefined, "the flow has no start or startHandle node")] : []),
    ...(ends.length === 0 ? [problem("no-end", undefined, "the flow has no end node")] : []),
    ...[...nodes.keys()].flatMap((name) => {
      if (starts.length > 0 && !reached.has(name))
        return [problem("unreachable", name, `node "${name}" cannot be reached from a start node`)];
      if (ends.length > 0 && !toAnEnd.has(name)) return [problem("no-way-to-end", name, `node "${name}" has no way to an end node`)];
      return [];
    }),
  ];
}

function joinProblems(graph: Graph): FlowProblem[] {
  return namesOf(graph.nodes, ["join"]).flatMap((join) => {
    const incoming = graph.edges.filter((edge) => edge.to === join);
    return [
      ...(incoming.length < 2 && !(incoming[0] && branchesThrough(incoming[0], graph) >= 2)
        ? [problem("join-single-input", join, `join "${join}" has ${incoming.length} incoming edge(s); it joins two branches or more`)]
        : []),
      ...incoming
        .filter((edge) => !fromSplitBranch(edge, graph))
        .map((edge) =>
          problem(
            "join-outside-split",
            join,
            `join "${join}" is reached from "${edge.from}" outside any split's branches, so it would wait for branches never opened`,
          ),
        ),
    ];
  });
}

/** Whether an edge into a join carries a branch a split opened: it is a branch edge, or it comes from a node a branch leads to (not through the join). */
function fromSplitBranch(edge: GraphEdge, graph: Graph): boolean {
  return edge.kind === "branch" || branchesThrough(edge, graph) > 0;
}

/**
 * How many branches of one split can carry an edge into a join, the most of any split: a split's
 * branches that start at the edge's source or lead to it (not through the join). One edge may
 * carry several, e.g. `.branch("review")` three times, then `review: view(…).next("join")`.
 */
function branchesThrough(edge: GraphEdge, { nodes, successors }: Graph): number {
  if (edge.kind === "branch") return 1;
  return Math.max(
    0,
    ...[...nodes.values()].map((node) =>
      node.kind === "split" || node.kind === "splitFirst"
        ? node.edges.filter((branch) => reachable([branch.to], successors, edge.to).has(edge.from)).length
        : 0,
    ),
  );
}

/** Groups of automatic nodes that lead back to each other with no other node between them. */
function loopProblems({ nodes, successors }: Graph): FlowProblem[] {
  const automatic = new Set(namesOf(nodes, AUTOMATIC));
  const within = new Map([...automatic].map((name) => [name, (successors.get(name) ?? []).filter((next) => automatic.has(next))]));
  const reachOf = new Map([...automatic].map((name) => [name, reachable(within.get(name) ?? [], within)]));
  const placed = new Set<string>();
  const problems: FlowProblem[] = [];
  for (const name of automatic) {
    if (placed.has(name) || !reachOf.get(name)?.has(name)) continue;
    const loop = [...automatic].filter((other) => reachOf.get(name)?.has(other) && reachOf.get(other)?.has(name));
    loop.forEach((member) => placed.add(member));
    const names = loop.map((member) => `"${member}"`).join(", ");
    problems.push(
      problem("automatic-loop", name, `nodes ${names} loop without a person or a job between them, so the process would never stop`),
    );
  }
  return problems;
}

function subprocessProblems({ nodes }: Graph): FlowProblem[] {
  return [...nodes].flatMap(([name, node]) => {
    if (node.kind !== "subprocess") return [];
    const childStart = Object.hasOwn(node.flow.nodes, node.start) ? node.flow.nodes[node.start] : undefined;
    if (childStart?.kind === "startHandle") return [];
    return [
      problem(
        "subprocess-without-start-handle",
        name,
        `subprocess "${name}" starts flow "${node.flow.name}" at "${node.start}", which is not a start handle of it`,
      ),
    ];
  });
}

function namesOf(nodes: ReadonlyMap<string, AnyNode>, kinds: readonly NodeKind[]): string[] {
  return [...nodes].filter(([, node]) => kinds.includes(node.kind)).map(([name]) => name);
}

function isNode(value: unknown): value is AnyNode {
  if (typeof value !== "object" || value === null) return false;
  const { kind, edges } = value as { kind?: unknown; edges?: unknown };
  return isOneOf(NODE_KINDS, kind) && Array.isArray(edges) && edges.every(isEdge);
}

function isEdge(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { kind, to } = value as { kind?: unknown; to?: unknown };
  return isOneOf(EDGE_KINDS, kind) && typeof to === "string";
}

function isOneOf(list: readonly string[], value: unknown): boolean {
  return typeof value === "string" && list.includes(value);
}
