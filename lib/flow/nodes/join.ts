import type { NodeOptions } from "../options";
import type { TaskStatus } from "../status";
import type { Edge, FlowContext, HistoryTask, Incomplete } from "../types";
import { withNext } from "./step";

/** What a join's `continueWhen` receives: the process, and how its branches stand. */
export interface JoinContext<D> extends FlowContext<D> {
  /** The tasks that arrived at the join so far, in the order they arrived. */
  readonly arrived: readonly HistoryTask[];
  /** How many of the branches its split opened still have a task open. */
  readonly open: number;
}

export interface JoinOptions<D> extends NodeOptions<D> {
  /**
   * Goes on before every branch is done when this holds (Viewflow's `continue_on_condition`), and
   * cancels what is still open on the other branches: N of M approvals, or the first quotes in.
   * Asked whenever a branch arrives or is canceled. Default: wait for every branch.
   */
  readonly continueWhen?: (ctx: JoinContext<D>) => boolean;
}

/** Waits until no task is left open on the branches its split opened, then goes on once. */
export interface JoinNode<D, T extends string = string> extends JoinOptions<D> {
  readonly kind: "join";
  readonly edges: readonly [Edge<T, "next">];
}

export interface JoinStep<D> extends Incomplete<"add .next(target)"> {
  /** The node to go to once all branches have arrived. */
  next<T extends string>(to: T): JoinNode<D, T>;
}

export function join<D>(options: JoinOptions<D> = {}): JoinStep<D> {
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
