import type { NodeOptions } from "../options";
import type { TaskStatus } from "../status";
import type { Edge, Incomplete } from "../types";
import { withNext } from "./step";

/** Waits until every branch its split opened has arrived, then goes on once. */
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

/** Where one opened branch stands: arrived at the join, or the status of its latest task. */
export type BranchState = "arrived" | TaskStatus;

/**
 * Whether a join can go on. `stuck` means it never can: a branch's latest task was canceled (or is
 * done without having led here), so the runtime should fail the join task into the error queue
 * rather than let the process wait forever. A task in error may still be revived, so it waits.
 */
export function joinState(branches: readonly BranchState[]): "ready" | "waiting" | "stuck" {
  if (branches.every((state) => state === "arrived")) return "ready";
  const gone = branches.some((state) => state === "canceled" || state === "done" || state === "revived");
  return gone ? "stuck" : "waiting";
}
