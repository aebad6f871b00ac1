import type { z } from "zod";
import { copyFormData, emptyForm, type CopiesOnto, type EmptyForm, type FormSchema } from "../form";
import type { Permission } from "../options";
import type { Edge, FlowUser, Incomplete } from "../types";
import { withNext } from "./step";

/** What a start form's `merge` receives. There is no process yet: the result becomes its data. */
export interface StartContext<FormData> {
  readonly form: FormData;
  readonly user: FlowUser;
}

interface StartFields<F extends FormSchema> {
  /** Shown on the start button and as the start task's title. Default: the node's name in words. */
  readonly title?: string;
  /** Shown on the start form. Default: none. */
  readonly description?: string;
  /** The fields a person fills in to start the process. Default: none (a start button). */
  readonly form?: F;
  /** Who may start the process: holders of a role, or a predicate. Required: starting is never open by default. */
  readonly permission: Permission<{ readonly user: FlowUser }>;
}

/**
 * How the start form's data becomes the process data (`I` is the process schema's input).
 * May be left out when every form field is a process field and the form gives every required one:
 * then the form data is the process data.
 */
export type StartMerge<I, F extends FormSchema> =
  CopiesOnto<F, I> extends true
    ? {
        /** Returns the initial process data. Default: the form data. */
        readonly merge?: (ctx: StartContext<z.output<F>>) => I;
      }
    : {
        /** Returns the initial process data. Required: the form data alone is not valid process data. */
        readonly merge: (ctx: StartContext<z.output<F>>) => I;
      };

export type StartOptions<I, F extends FormSchema> = StartFields<F> & StartMerge<I, F>;

/** A person starts the process by filling in a form. */
export interface StartNode<I, T extends string = string, F extends FormSchema = FormSchema> extends Omit<StartFields<F>, "form"> {
  readonly kind: "start";
  readonly form: F;
  merge(ctx: StartContext<z.output<F>>): I;
  readonly edges: readonly [Edge<T, "next">];
}

export interface StartStep<I, F extends FormSchema> extends Incomplete<"add .next(target)"> {
  /** The node the process goes to once started. */
  next<T extends string>(to: T): StartNode<I, T, F>;
}

export function start<I, F extends FormSchema = EmptyForm>(options: StartOptions<I, F>): StartStep<I, F>;
export function start(options: StartFields<FormSchema> & { readonly merge?: (ctx: StartContext<object>) => unknown }) {
  return withNext({
    ...options,
    kind: "start",
    form: options.form ?? emptyForm,
    merge: options.merge ?? copyFormData,
  });
}

/** Options of a start handle. */
export interface StartHandleOptions {
  /** The start task's title. Default: the node's name in words. */
  readonly title?: string;
  /** Default: none. */
  readonly description?: string;
}

/** Code starts the process (e.g. when an entity is saved) with its initial process data. */
export interface StartHandleNode<T extends string = string> extends StartHandleOptions {
  readonly kind: "startHandle";
  readonly edges: readonly [Edge<T, "next">];
}

export interface StartHandleStep extends Incomplete<"add .next(target)"> {
  /** The node the process goes to once started. */
  next<T extends string>(to: T): StartHandleNode<T>;
}

export function startHandle(options: StartHandleOptions = {}): StartHandleStep {
  return withNext({ ...options, kind: "startHandle" });
}
