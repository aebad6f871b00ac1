import type { z } from "zod";
import { nodeBuilders, type AnyNode, type AnyNodeDefinition, type NodeBuilders, type TargetsOf } from "./node";
import type { Incomplete, ProcessSchema, TypeError } from "./types";

/** A flow: what `flow()` returns and what the runtime reads. */
export interface Flow<Name extends string, S extends ProcessSchema, Nodes> {
  /** Stored on every process; a slug ("design-review"). */
  readonly name: Name;
  /** Stored on every process, so tasks of older versions can be told apart. */
  readonly version: number;
  /** Validates the process data whenever it is created or changed. */
  readonly process: S;
  /** The nodes by name; each knows its name. */
  readonly nodes: Nodes;
}

/** A flow of any name, schema and nodes, as the runtime holds it. */
export type AnyFlow = Flow<string, ProcessSchema, { readonly [name: string]: AnyNode }>;

/** The process data of a flow. */
export type ProcessData<F extends AnyFlow> = z.output<F["process"]>;

/** Nodes as `flow()` returns them: each stamped with its name. */
export type NamedNodes<N> = { readonly [K in keyof N]: N[K] & { readonly name: K } };

/**
 * What each node must be for the flow to compile. A node that is fine maps to `unknown` (no demand);
 * one that is not maps to a sentence the compiler shows on that node's line.
 */
export type CheckNodes<N> = {
  [K in keyof N]: N[K] extends Incomplete<infer Hint>
    ? TypeError<`node "${K & string}" is not finished: ${Hint}`>
    : N[K] extends AnyNodeDefinition
      ? [Exclude<TargetsOf<N[K]>, keyof N>] extends [never]
        ? unknown
        : TypeError<`node "${K & string}" goes to "${Exclude<TargetsOf<N[K]>, keyof N>}", which is not a node of this flow`>
      : TypeError<`"${K & string}" is not a node: build it with the builders \`nodes\` receives`>;
};

export interface FlowConfig<S extends ProcessSchema, N> {
  /** The flow's version: raise it when a change matters to processes already running. Default: 1. */
  readonly version?: number;
  /** The process data's schema, a zod object. Write it before `nodes`: the nodes are typed from it. */
  readonly process: S;
  /**
   * Builds the nodes from the builders it receives, typed by the process schema. Node names are the
   * keys; a target that is not one of them does not compile.
   */
  readonly nodes: (build: NodeBuilders<z.output<S>, z.input<S>>) => N & NoInfer<CheckNodes<N>>;
}

/**
 * Declares a flow. Check it once at startup with `checkFlow`: the compiler refuses unknown targets
 * and unfinished nodes, but not what only the whole graph shows (unreachable nodes, loops, …).
 *
 * @example
 * export const helloWorld = flow("hello-world", {
 *   process: z.object({ text: z.string() }),
 *   nodes: ({ start, end }) => ({
 *     start: start({ form: z.object({ text: z.string() }), permission: "flow.start" }).next("end"),
 *     end: end(),
 *   }),
 * });
 */
export function flow<const Name extends string, S extends ProcessSchema, N>(
  name: Name,
  config: FlowConfig<S, N>,
): Flow<Name, S, NamedNodes<N>> {
  const built: object = config.nodes(nodeBuilders);
  const nodes = Object.entries(built).map(([nodeName, node]: [string, unknown]) => [
    nodeName,
    Object.freeze({ ...(node as object), name: nodeName }),
  ]);
  return Object.freeze({
    name,
    version: config.version ?? 1,
    process: config.process,
    nodes: Object.freeze(Object.fromEntries(nodes)) as NamedNodes<N>,
  });
}
