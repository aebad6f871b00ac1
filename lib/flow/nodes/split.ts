import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete } from "../types";
import type { Condition } from "./if";
import { frozen } from "./step";

export interface BranchEdge<D, T extends string = string> extends Edge<T, "branch"> {
  /** The branch is opened only when this holds. Default: always. */
  when?(ctx: FlowContext<D>): boolean;
}

/** Opens parallel branches: every branch whose condition holds. A join later waits for the opened ones. */
export interface SplitNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "split";
  readonly edges: readonly BranchEdge<D, T>[];
  /** Adds another branch. */
  branch<U extends string>(to: U, when?: Condition<D>): SplitNode<D, T | U>;
}

export interface SplitStep<D> extends Incomplete<"add .branch(target) for each parallel branch"> {
  /** A branch starting at `to`, opened when `when` holds (default: always). */
  branch<T extends string>(to: T, when?: Condition<D>): SplitOneBranchStep<D, T>;
}

export interface SplitOneBranchStep<D, T extends string> extends Incomplete<"add a second .branch(target): one branch is not parallel"> {
  /** A branch starting at `to`, opened when `when` holds (default: always). */
  branch<U extends string>(to: U, when?: Condition<D>): SplitNode<D, T | U>;
}

export function split<D>(options: NodeOptions<D> = {}): SplitStep<D> {
  return branches({ ...options, kind: "split" }, []);
}

function branches<Step>(fields: object, edges: readonly BranchEdge<unknown>[]): Step {
  return frozen<Step>({
    ...fields,
    edges: Object.freeze(edges),
    branch: (to: string, when?: Condition<unknown>) =>
      branches(fields, [...edges, Object.freeze(when === undefined ? { kind: "branch", to } : { kind: "branch", to, when })]),
  });
}
