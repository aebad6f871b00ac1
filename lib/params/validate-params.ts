import type { ParamsSource } from "./build-schema";
import { checkComputedRules } from "./check-computed-rules";
import { compiledOf } from "./compile-parametrization";
import { describeIssue } from "./describe-issue";
import type { ParamsResult } from "./errors";
import type { Parametrization, ParamsOf } from "./parametrization";

export interface ValidateOptions {
  /** Where the params come from: `"browser"` refuses unknown keys, `"storage"` ignores them. No default: say which. */
  readonly source: ParamsSource;
}

/**
 * Validate params that arrive on the server, and return them typed, or refused with one error per
 * broken rule, each naming the field path and the rule (`geometry.length: Length must be at most
 * 30 m`). Missing fields take their defaults. Never throws on any input.
 *
 * `source: "browser"` refuses keys the parametrization does not know; `source: "storage"` ignores
 * them (they belong to removed fields) and leaves them out of the result.
 *
 * Two passes: the schema checks types, empty values and static rules; then, on params that passed
 * it, the computed rules (options, min, max) of the fields that are shown.
 */
export function validateParams<P extends Parametrization>(
  parametrization: P,
  input: unknown,
  options: ValidateOptions,
): ParamsResult<ParamsOf<P>> {
  const compiled = compiledOf(parametrization);
  const parsed = compiled.schemas[options.source].safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.flatMap((issue) => describeIssue(issue, compiled.nodes)) };
  }
  const errors = checkComputedRules(compiled.rulePlan, parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params: parsed.data as ParamsOf<P> };
}
