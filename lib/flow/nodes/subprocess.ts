import type { z } from "zod";
import type { AnyFlow } from "../flow";
import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete, ProcessPatch, ProcessView } from "../types";
import { withNext } from "./step";

/** The names of a flow's start handles: where another flow may start it. */
export type StartHandleNames<C extends AnyFlow> = {
  [K in keyof C["nodes"]]: C["nodes"][K] extends { readonly kind: "startHandle" } ? K : never;
}[keyof C["nodes"]] &
  string;

/** What a subprocess's `merge` receives: this process and the child that ended. */
export interface ChildEndedContext<D, ChildData> extends FlowContext<D> {
  readonly child: ProcessView<ChildData>;
}

export interface SubprocessOptions<D, C extends AnyFlow> extends NodeOptions<D> {
  /** The child flow's start handle to start it at. */
  readonly start: StartHandleNames<C>;
  /** The child's initial process data, validated by its process schema. */
  readonly data: (ctx: FlowContext<D>) => z.input<C["process"]>;
  /** How the ended child's data changes this process's data. Default: no change. */
  readonly merge?: (ctx: ChildEndedContext<D, z.output<C["process"]>>) => ProcessPatch<D>;
}

/** Starts a process of another flow and goes on when that process is done. */
export interface SubprocessNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "subprocess";
  readonly flow: AnyFlow;
  readonly start: string;
  data(ctx: FlowContext<D>): unknown;
  merge(ctx: ChildEndedContext<D, unknown>): ProcessPatch<D>;
  readonly edges: readonly [Edge<T, "next">];
}

export interface SubprocessStep<D> extends Incomplete<"add .next(target)"> {
  /** The node to go to when the child process is done. */
  next<T extends string>(to: T): SubprocessNode<D, T>;
}

export function subprocess<D, C extends AnyFlow>(child: C, options: SubprocessOptions<D, C>): SubprocessStep<D> {
  return withNext({ ...options, kind: "subprocess", flow: child, merge: options.merge ?? noChange });
}

function noChange(): object {
  return {};
}
