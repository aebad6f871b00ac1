import { z } from "zod";

/** A form is a zod object schema; its output is the form data. */
export type FormSchema = z.ZodObject;

/** The form of a task that only needs confirming. */
export const emptyForm = z.object({});
export type EmptyForm = typeof emptyForm;

/**
 * True when a form's data can be copied onto `Target` as is: every field of the form is a field of
 * `Target`, with a fitting type. Then a node may leave out `merge`. Fields are read from the shape,
 * not the output type, because zod types the output of an empty form as `Record<string, never>`.
 */
export type CopiesOnto<F extends FormSchema, Target> = [Exclude<keyof F["shape"], keyof Target>] extends [never]
  ? z.output<F> extends Target
    ? true
    : false
  : false;

/** The default `merge`: the form data, field by field. Only used where `CopiesOnto` allowed leaving it out. */
export function copyFormData({ form }: { readonly form: object }): object {
  return { ...form };
}
