import type { z } from "zod";
import { emptyForm, type EmptyForm, type FormSchema } from "../form";
import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete, ProcessPatch } from "../types";
import { withNext } from "./step";

/** Where an outside system signals a handle task: the path to POST to, and the task's secret token. */
export interface SignalAddress {
  /** `/api/flows/<flow>/processes/<process>/tasks/<task>/signal`, to POST with `Authorization: Bearer <token>`. */
  readonly path: string;
  /** The task's own secret: it admits a signal of this task and nothing else. */
  readonly token: string;
}

/** What a handle's `merge` receives: the process, and the signal's parsed input. */
export interface SignalContext<D, Input> extends FlowContext<D> {
  readonly input: Input;
}

export interface HandleOptions<D, I extends FormSchema> extends NodeOptions<D> {
  /** What a signal carries, parsed before anything changes (errors by field). Default: nothing. */
  readonly input?: I;
  /** How the input changes the process data. Default: no change (the input is kept on the task). */
  readonly merge?: (ctx: SignalContext<D, z.output<I>>) => ProcessPatch<D>;
  /**
   * Runs inside the transaction that creates the task, with the address an outside system signals
   * it at (e.g. register a webhook with the path and token). Default: none.
   */
  readonly onCreate?: (ctx: FlowContext<D> & { readonly signal: SignalAddress }) => void | Promise<void>;
}

/**
 * A task that waits for code or an outside system (Viewflow's Handle): done by `signalTask` from
 * server code, or by an HTTP call carrying the task's secret token (a webhook). A signal of a task
 * already done by a signal answers "already done" and changes nothing, so a retried webhook is harmless.
 */
export interface HandleNode<D, T extends string = string, I extends FormSchema = FormSchema> extends HandleOptions<D, I> {
  readonly kind: "handle";
  readonly input: I;
  merge(ctx: SignalContext<D, z.output<I>>): ProcessPatch<D>;
  readonly edges: readonly [Edge<T, "next">];
}

export interface HandleStep<D, I extends FormSchema> extends Incomplete<"add .next(target)"> {
  /** The node the process goes to once the task is signaled. */
  next<T extends string>(to: T): HandleNode<D, T, I>;
}

export function handle<D, I extends FormSchema = EmptyForm>(options: HandleOptions<D, I> = {}): HandleStep<D, I> {
  return withNext({ ...options, kind: "handle", input: options.input ?? emptyForm, merge: options.merge ?? noChange });
}

function noChange(): object {
  return {};
}
