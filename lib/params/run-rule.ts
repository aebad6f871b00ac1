import type { AnyRules, RuleName, RuleResults } from "./computed-rules";

/** @internal What a computed rule receives, untyped. */
export type AnyRuleContext = { readonly params: unknown; readonly row?: unknown; readonly index?: number };

/** @internal A computed rule's result, or what it threw. */
export type RuleOutcome<R extends RuleName> =
  { readonly ok: true; readonly value: RuleResults<unknown>[R] } | { readonly ok: false; readonly error: unknown };

/**
 * @internal Run one computed rule of a node; `undefined` when the node has no such rule. An author's
 * callback may throw (a bug, or in the browser a required value not filled in yet); that is
 * returned, never thrown, so that one bad rule cannot take a form or a request down.
 */
export function runRule<R extends RuleName>(rules: AnyRules | undefined, name: R, context: AnyRuleContext): RuleOutcome<R> | undefined {
  const rule = rules?.[name] as ((context: AnyRuleContext) => RuleResults<unknown>[R]) | undefined;
  if (!rule) return undefined;
  try {
    return { ok: true, value: rule(context) };
  } catch (error) {
    return { ok: false, error };
  }
}
