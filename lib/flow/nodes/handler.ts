import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete, ProcessPatch } from "../types";
import { withNext } from "./step";

/**
 * Code run inside the process's transaction, right after the node before it. It returns a patch (or
 * nothing) rather than writing the data itself, so a failure leaves nothing half-changed. It is not
 * async on purpose: it runs under the process lock; slow or outside work belongs in a job.
 */
export type HandlerFunction<D> = (ctx: FlowContext<D>) => ProcessPatch<D> | void;

export interface HandlerNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "handler";
  run(ctx: FlowContext<D>): ProcessPatch<D> | void;
  readonly edges: readonly [Edge<T, "next">];
}

export interface HandlerStep<D> extends Incomplete<"add .next(target)"> {
  /** The node the process goes to after the handler. */
  next<T extends string>(to: T): HandlerNode<D, T>;
}

export function handler<D>(run: HandlerFunction<D>, options: NodeOptions<D> = {}): HandlerStep<D> {
  return withNext({ ...options, kind: "handler", run });
}
