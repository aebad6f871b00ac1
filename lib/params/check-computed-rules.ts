import { optionValue } from "./build-schema";
import type { PlannedNode } from "./compile-parametrization";
import type { AnyRules } from "./computed-rules";
import type { ParamsError } from "./errors";
import { MESSAGES } from "./messages";
import { joinPath } from "./layout-tree";
import { runRule, type AnyRuleContext } from "./run-rule";
import type { Node, OptionValue } from "./types";

/** The bounds a field's computed rules set; `undefined` where it has no such rule. */
interface Bounds {
  readonly options?: readonly OptionValue[];
  readonly allows?: (value: unknown) => boolean;
  readonly min?: number;
  readonly max?: number;
}

type BrokenBound = "option" | "min" | "max";
type Values = Record<string, unknown>;

/**
 * @internal Check the computed rules (options, min, max) of every shown field, on params that
 * already passed the schema, so that every callback sees values of the right types. A hidden field
 * keeps its value and is not checked: its options or bounds depend on the params that hid it, and
 * the user cannot see it to correct it. Only the planned nodes (those leading to rules) are visited.
 */
export function checkComputedRules(plan: readonly PlannedNode[], params: unknown): ParamsError[] {
  const errors: ParamsError[] = [];
  if (plan.length > 0) checkNodes(plan, params as Values, "", { params }, errors);
  return errors;
}

function checkNodes(
  plan: readonly PlannedNode[],
  values: Values,
  pathPrefix: string,
  context: AnyRuleContext,
  errors: ParamsError[],
): void {
  for (const { key, node, rules, children } of plan) {
    const path = joinPath(pathPrefix, key);
    if (!isShown(node, rules, context, path, errors)) continue;
    const value = values[key];
    switch (node.kind) {
      case "tab":
      case "step":
      case "section":
        checkNodes(children, value as Values, path, context, errors);
        break;
      case "dynamicArray":
        (value as Values[]).forEach((row, index) =>
          checkNodes(children, row, joinPath(path, index), { params: context.params, row, index }, errors),
        );
        break;
      case "table":
        checkColumns(children, value as Values[], path, context, errors);
        break;
      default: {
        const bounds = computeBounds(node, rules, context, path, errors, 1);
        const broken = bounds && brokenBound(bounds, value);
        if (broken) errors.push(errorOf(node, bounds, broken, path));
      }
    }
  }
}

// A column's options and bounds are the same for every row, so they are computed once; a row's
// path is only spelled out for a row that breaks them.
function checkColumns(
  columns: readonly PlannedNode[],
  rows: readonly Values[],
  path: string,
  context: AnyRuleContext,
  errors: ParamsError[],
): void {
  for (const { key, node, rules } of columns) {
    const bounds = computeBounds(node, rules, context, path, errors, rows.length);
    if (!bounds) continue;
    for (let index = 0; index < rows.length; index++) {
      const broken = brokenBound(bounds, rows[index]?.[key]);
      if (broken) errors.push(errorOf(node, bounds, broken, joinPath(joinPath(path, index), key)));
    }
  }
}

function isShown(node: Node, rules: AnyRules | undefined, context: AnyRuleContext, path: string, errors: ParamsError[]): boolean {
  const visible = runRule(rules, "visible", context);
  if (!visible) return true;
  if (visible.ok) return visible.value;
  errors.push({ path, rule: "computeFailed", message: MESSAGES.computeFailed(node, "visibility", visible.error) });
  return false;
}

function computeBounds(
  node: Node,
  rules: AnyRules | undefined,
  context: AnyRuleContext,
  path: string,
  errors: ParamsError[],
  lookups: number,
): Bounds | undefined {
  const options = runRule(rules, "options", context);
  const min = runRule(rules, "min", context);
  const max = runRule(rules, "max", context);
  for (const [name, outcome] of [
    ["options", options],
    ["min", min],
    ["max", max],
  ] as const) {
    if (outcome && !outcome.ok) {
      errors.push({ path, rule: "computeFailed", message: MESSAGES.computeFailed(node, name, outcome.error) });
      return undefined;
    }
  }
  const values = options?.ok ? options.value.map(optionValue) : undefined;
  return {
    options: values,
    allows: values && membershipIn(values, lookups),
    min: min?.ok ? min.value : undefined,
    max: max?.ok ? max.value : undefined,
  };
}

/** The first computed bound a value breaks, if any. An empty value breaks none. */
function brokenBound({ allows, min, max }: Bounds, value: unknown): BrokenBound | undefined {
  if (value === null) return undefined;
  if (allows && !(Array.isArray(value) ? value.every(allows) : allows(value))) return "option";
  if (typeof value === "number") {
    if (min !== undefined && value < min) return "min";
    if (max !== undefined && value > max) return "max";
  }
  return undefined;
}

// A Set costs more to build than a few scans of the list. Measured with 200 node ids: building the
// Set and 20 lookups took 3.5 µs, 20 scans of the list 2.3 µs. The Set wins from about 30 lookups.
function membershipIn(values: readonly OptionValue[], lookups: number): (value: unknown) => boolean {
  if (lookups < 30 || values.length < 30) return (value) => values.includes(value as OptionValue);
  const set = new Set<unknown>(values);
  return (value) => set.has(value);
}

function errorOf(node: Node, bounds: Bounds, broken: BrokenBound, path: string): ParamsError {
  const message =
    broken === "option"
      ? MESSAGES.option(node, bounds.options ?? [])
      : MESSAGES[broken](node, (broken === "min" ? bounds.min : bounds.max) ?? 0);
  return { path, rule: broken, message };
}
