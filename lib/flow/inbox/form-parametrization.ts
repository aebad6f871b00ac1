import type { z } from "zod";
import { humanize, type FormSchema } from "@/lib/flow";
import { boolean, number, option, parametrization, text, textarea, type Parametrization } from "@/lib/params";

/**
 * A task's form as a parametrization, so the task page renders it with the editor's form components.
 * Derived from the node's zod form, field by field, for the shapes forms use:
 *
 * | zod                               | field                              |
 * | --------------------------------- | ---------------------------------- |
 * | `z.boolean()`                     | `boolean` (a switch, starts false)  |
 * | `z.string()` with `.max(n)`, n>200 | `textarea`                         |
 * | other `z.string()`                | `text`                             |
 * | `z.enum([...])`                   | `option`                           |
 * | `z.number()`                      | `number` (with its min and max)    |
 *
 * `.optional()`, `.nullable()` and `.default()` make the field optional. Labels are the humanized keys
 * ("comment" → "Comment"). Anything else is a text field: the server parses the zod form anyway, and
 * its errors come back at the field. The zod form stays the one truth: this only lays it out.
 */
export function formParametrization(form: FormSchema): Parametrization {
  const layout: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(form.shape)) layout[key] = fieldOf(key, schema as z.ZodType);
  return parametrization(layout as never);
}

function fieldOf(key: string, given: z.ZodType): unknown {
  let schema: z.ZodType = given;
  let optional = false;
  for (;;) {
    const type = schema._zod.def.type;
    if (type === "optional" || type === "nullable" || type === "default") {
      optional = true;
      schema = (schema as unknown as { unwrap(): z.ZodType }).unwrap();
      continue;
    }
    break;
  }
  const label = humanize(key);
  const def = schema._zod.def.type;
  if (def === "boolean") return boolean(label);
  if (def === "enum") {
    const options = (schema as unknown as { options: readonly string[] }).options;
    return option(label, { options: [...options], ...(optional ? { optional: true } : {}) });
  }
  if (def === "number") {
    const { minValue, maxValue } = schema as unknown as { minValue: number | null; maxValue: number | null };
    return number(label, {
      ...(Number.isFinite(minValue) ? { min: minValue! } : {}),
      ...(Number.isFinite(maxValue) ? { max: maxValue! } : {}),
      ...(optional ? { optional: true } : {}),
    });
  }
  const maxLength = def === "string" ? (schema as unknown as { maxLength: number | null }).maxLength : null;
  const config = optional ? { optional: true as const } : {};
  return maxLength !== null && maxLength > 200 ? textarea(label, config) : text(label, config);
}
