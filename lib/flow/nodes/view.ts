import type { z } from "zod";
import { copyFormData, emptyForm, type CopiesOnto, type EmptyForm, type FormSchema } from "../form";
import type { HumanTaskOptions } from "../options";
import type { Edge, Incomplete, ProcessPatch, UserContext } from "../types";
import { withNext } from "./step";

/** What a view's `merge` receives: the task, the user who completed it, and the form data. */
export interface CompleteContext<D, FormData> extends UserContext<D> {
  readonly form: FormData;
}

type MergeFunction<D, FormData> = (ctx: CompleteContext<D, FormData>) => ProcessPatch<D>;

/**
 * How a completed view's form data changes the process data: a function returning a patch, or `false`
 * to keep the form data on the task only. May be left out when every form field is a process field of
 * a fitting type: then the form data is copied onto the process data.
 */
export type ViewMerge<D, F extends FormSchema> =
  CopiesOnto<F, Partial<D>> extends true
    ? {
        /** Returns the patch to make to the process data; `false` keeps the form data on the task only. Default: copy the form data onto the process data. */
        readonly merge?: MergeFunction<D, z.output<F>> | false;
      }
    : {
        /** Returns the patch to make to the process data; `false` keeps the form data on the task only. Required: some form fields are not process fields. */
        readonly merge: MergeFunction<D, z.output<F>> | false;
      };

interface ViewFields<D, F extends FormSchema> extends HumanTaskOptions<D> {
  /** The fields the person fills in. Default: none (the task is done with one button). */
  readonly form?: F;
}

export type ViewOptions<D, F extends FormSchema> = ViewFields<D, F> & ViewMerge<D, F>;

/** A task a person does with a form. */
export interface ViewNode<D, T extends string = string, F extends FormSchema = FormSchema> extends Omit<ViewFields<D, F>, "form"> {
  readonly kind: "view";
  readonly form: F;
  /** The patch to apply when the task completes; the builder fills the default. */
  merge(ctx: CompleteContext<D, z.output<F>>): ProcessPatch<D>;
  readonly edges: readonly [Edge<T, "next">];
}

export interface ViewStep<D, F extends FormSchema> extends Incomplete<"add .next(target)"> {
  /** The node the process goes to when the task is done. */
  next<T extends string>(to: T): ViewNode<D, T, F>;
}

export function view<D, F extends FormSchema = EmptyForm>(options: ViewOptions<D, F>): ViewStep<D, F>;
export function view(options: ViewFields<unknown, FormSchema> & { readonly merge?: MergeFunction<unknown, object> | false }) {
  const { merge } = options;
  return withNext({
    ...options,
    kind: "view",
    form: options.form ?? emptyForm,
    merge: merge === false ? keepOnTask : (merge ?? copyFormData),
  });
}

function keepOnTask(): object {
  return {};
}
