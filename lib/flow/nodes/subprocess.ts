import type { z } from "zod";
import type { AnyFlow } from "../flow";
import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete, ProcessPatch, ProcessView } from "../types";
import type { ProcessStatus } from "../status";
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

/** A child process of a subprocess per item, as the parent sees it. */
export interface ChildProcess<ChildData> extends ProcessView<ChildData> {
  readonly status: ProcessStatus;
}

/** What a subprocess per item's `merge` and `continueWhen` receive: this process and its children, in item order. */
export interface ChildrenContext<D, ChildData> extends FlowContext<D> {
  readonly children: readonly ChildProcess<ChildData>[];
}

export interface SubprocessOptions<D, C extends AnyFlow> extends NodeOptions<D> {
  /** The child flow's start handle to start it at. */
  readonly start: StartHandleNames<C>;
  /** The child's initial process data, validated by its process schema. */
  readonly data: (ctx: FlowContext<D>) => z.input<C["process"]>;
  /** How the ended child's data changes this process's data. Default: no change. */
  readonly merge?: (ctx: ChildEndedContext<D, z.output<C["process"]>>) => ProcessPatch<D>;
}

export interface SubprocessesOptions<D, C extends AnyFlow, Item> extends NodeOptions<D> {
  /** The child flow's start handle to start each child at. */
  readonly start: StartHandleNames<C>;
  /** The items: one child each, started in order, in the same transaction. None: the node goes on at once. */
  readonly items: (ctx: FlowContext<D>) => readonly Item[];
  /** A child's initial process data, from its item, validated by the child's process schema. */
  readonly data: (ctx: FlowContext<D> & { readonly item: Item; readonly index: number }) => z.input<C["process"]>;
  /** How the ended children's data changes this process's data. Default: no change. */
  readonly merge?: (ctx: ChildrenContext<D, z.output<C["process"]>>) => ProcessPatch<D>;
  /**
   * Goes on before every child is done when this holds; the children still running are canceled.
   * Asked whenever a child ends. Default: when every child that was not canceled is done.
   */
  readonly continueWhen?: (ctx: ChildrenContext<D, z.output<C["process"]>>) => boolean;
}

/**
 * Starts a process of another flow and goes on when that process is done; with `items` (built by
 * `subprocesses`, Viewflow's NSubprocess), one child per item, and goes on when all are done.
 */
export interface SubprocessNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "subprocess";
  readonly flow: AnyFlow;
  readonly start: string;
  /** Set for a subprocess per item. */
  items?(ctx: FlowContext<D>): readonly unknown[];
  data(ctx: FlowContext<D> & { readonly item?: unknown; readonly index?: number }): unknown;
  /** Given `child` for one child, `children` for a subprocess per item. */
  merge(
    ctx: FlowContext<D> & { readonly child?: ProcessView<unknown>; readonly children?: readonly ChildProcess<unknown>[] },
  ): ProcessPatch<D>;
  continueWhen?(ctx: ChildrenContext<D, unknown>): boolean;
  readonly edges: readonly [Edge<T, "next">];
}

export interface SubprocessStep<D> extends Incomplete<"add .next(target)"> {
  /** The node to go to when the child process is done. */
  next<T extends string>(to: T): SubprocessNode<D, T>;
}

export function subprocess<D, C extends AnyFlow>(child: C, options: SubprocessOptions<D, C>): SubprocessStep<D> {
  return withNext({ ...options, kind: "subprocess", flow: child, merge: options.merge ?? noChange });
}

export function subprocesses<D, C extends AnyFlow, Item>(child: C, options: SubprocessesOptions<D, C, Item>): SubprocessStep<D> {
  return withNext({ ...options, kind: "subprocess", flow: child, merge: options.merge ?? noChange });
}

function noChange(): object {
  return {};
}
