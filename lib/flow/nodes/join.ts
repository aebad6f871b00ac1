import type { NodeOptions } from "../options";
import type { TaskStatus } from "../status";
import type { Edge, Incomplete } from "../types";
import { withNext } from "./step";

/** Waits until no task is left open on the branches its split opened, then goes on once. */
export interface JoinNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "join";
  readonly edges: readonly [Edge<T, "next">];
}

export interface JoinStep<D> extends Incomplete<"add .next(target)"> {
  /** The node to go to once all branches have arrived. */
  next<T extends string>(to: T): JoinNode<D, T>;
}

export function join<D>(options: NodeOptions<D> = {}): JoinStep<D> {
  return withNext({ ...options, kind: "join" });
}

/** Where one opened branch stands: the statuses of the tasks still open on it; none when it is clear. */
export type BranchState = readonly TaskStatus[];

/**
 * Whether a join can go on, as Viewflow's join decides: once no task is left open on any branch.
 * A branch whose tasks arrived, were canceled, or ended elsewhere is clear; one with a task in
 * error still holds the join, since that task may be revived.
 */
export function joinState(branches: readonly BranchState[]): "ready" | "waiting" {
  return branches.every((open) => open.length === 0) ? "ready" : "waiting";
}
