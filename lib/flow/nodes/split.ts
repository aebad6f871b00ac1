import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete } from "../types";
import type { Condition } from "./if";
import { frozen } from "./step";

export interface BranchEdge<D, T extends string = string> extends Edge<T, "branch"> {
  /** The branch is opened only when this holds. Default: always. */
  when?(ctx: FlowContext<D>): boolean;
}

/**
 * Opens parallel branches: every branch whose condition holds. A join later waits for the opened
 * ones. Two branches may start at the same node (each gets its own token): `.branch("review")`
 * three times gives three reviews, joined by one edge.
 */
export interface SplitNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "split";
  readonly edges: readonly BranchEdge<D, T>[];
  /** Adds another branch. */
  branch<U extends string>(to: U, when?: Condition<D>): SplitNode<D, T | U>;
}

/**
 * Opens parallel branches like a split, and waits: the first task done on any branch (a person's
 * task, a timer, a job, a handle…) decides, and everything still open on the other branches is
 * canceled (Viewflow's SplitFirst, the deferred choice). The branches may meet at a join or end.
 */
export interface SplitFirstNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "splitFirst";
  readonly edges: readonly BranchEdge<D, T>[];
  /** Adds another branch. */
  branch<U extends string>(to: U, when?: Condition<D>): SplitFirstNode<D, T | U>;
}

type Branching = "split" | "splitFirst";
type NodeOf<K extends Branching, D, T extends string> = K extends "split" ? SplitNode<D, T> : SplitFirstNode<D, T>;

export interface SplitStep<D, K extends Branching = "split"> extends Incomplete<"add .branch(target) for each parallel branch"> {
  /** A branch starting at `to`, opened when `when` holds (default: always). */
  branch<T extends string>(to: T, when?: Condition<D>): SplitOneBranchStep<D, T, K>;
}

export interface SplitOneBranchStep<
  D,
  T extends string,
  K extends Branching = "split",
> extends Incomplete<"add a second .branch(target): one branch is not parallel"> {
  /** A branch starting at `to`, opened when `when` holds (default: always). */
  branch<U extends string>(to: U, when?: Condition<D>): NodeOf<K, D, T | U>;
}

export function split<D>(options: NodeOptions<D> = {}): SplitStep<D> {
  return branches({ ...options, kind: "split" }, []);
}

export function splitFirst<D>(options: NodeOptions<D> = {}): SplitStep<D, "splitFirst"> {
  return branches({ ...options, kind: "splitFirst" }, []);
}

function branches<Step>(fields: object, edges: readonly BranchEdge<unknown>[]): Step {
  return frozen<Step>({
    ...fields,
    edges: Object.freeze(edges),
    branch: (to: string, when?: Condition<unknown>) =>
      branches(fields, [...edges, Object.freeze(when === undefined ? { kind: "branch", to } : { kind: "branch", to, when })]),
  });
}
