import type { AnyComputedRules, RuleName } from "./computed-rules";
import { MESSAGES } from "./messages";
import type { Parametrization } from "./parametrization";
import { runRule, type AnyRuleContext } from "./run-rule";
import { DEFAULT_FLEX, type Node, type NodesByKey, type OptionInput, type OptionValue } from "./types";
import { isChoice, isGroup, isRecord, joinPath } from "./layout-tree";

/** A choice as the form shows it. */
export interface ResolvedOption {
  readonly value: OptionValue;
  readonly label: string;
}

/** A node as the form shows it for the current params: its definition, and what its rules computed. */
export interface ResolvedNode {
  readonly key: string;
  /** Value path, `spans[1].length`, matching `ParamsError.path`; a table column's is `loads.points.F`. */
  readonly path: string;
  /** The node as declared (plain data): kind, label, description, suffix, variant… */
  readonly definition: Node;
  /** Shown: its own visibility rule and every enclosing group's said so. */
  readonly visible: boolean;
  /** Width in percent of a row; `definition.flex`, else the kind's default. */
  readonly flex: number;
  /** The choices of an option, autocomplete or multi-select: computed, else static. */
  readonly options?: readonly ResolvedOption[];
  /** Bounds of a number or integer: computed, else static. */
  readonly min?: number;
  readonly max?: number;
  /** A group's children. */
  readonly children?: readonly ResolvedNode[];
  /** A table's columns, the same for every row. */
  readonly columns?: readonly ResolvedNode[];
  /** A dynamic array's fields, once per row, each row with its own rules. */
  readonly rows?: readonly (readonly ResolvedNode[])[];
  /** Rules that threw; the static value was used instead. */
  readonly ruleErrors?: readonly string[];
}

/** A parametrization as the form shows it for the current params. Serialisable. */
export interface ResolvedLayout {
  /** How the top level is shown: as tabs, as the steps of a wizard, or as one page. */
  readonly navigation: "tabs" | "steps" | "none";
  readonly nodes: readonly ResolvedNode[];
}

/**
 * Resolve the layout for the params the form holds: visibility, options and bounds computed,
 * defaults filled in. Runs in the browser on every edit, so the params may be a draft: a rule that
 * throws (say on a required value not filled in yet) is reported in `ruleErrors` and the static
 * value used, never thrown.
 */
export function resolveLayout(parametrization: Parametrization, params: unknown): ResolvedLayout {
  const top = Object.values(parametrization.layout)[0]?.kind;
  return {
    navigation: top === "tab" ? "tabs" : top === "step" ? "steps" : "none",
    nodes: resolveNodes(parametrization.computed, parametrization.layout, params, {
      layoutPrefix: "",
      pathPrefix: "",
      context: { params },
      visible: true,
      columns: false,
    }),
  };
}

/** Where the nodes being resolved sit. */
interface Place {
  readonly layoutPrefix: string;
  readonly pathPrefix: string;
  /** What their rules receive: the params, and in a dynamic array also the row. */
  readonly context: AnyRuleContext;
  /** Whether the enclosing group is shown. */
  readonly visible: boolean;
  /** Whether they are a table's columns, whose paths have no row index. */
  readonly columns: boolean;
}

function resolveNodes(computed: AnyComputedRules, nodes: NodesByKey<Node>, values: unknown, place: Place): ResolvedNode[] {
  const valuesByKey = isRecord(values) ? values : {};
  return Object.entries(nodes).map(([key, node]) => {
    const layoutPath = place.layoutPrefix + key;
    const path = place.columns ? layoutPath : joinPath(place.pathPrefix, key);
    const ruleErrors: string[] = [];
    const compute = <R extends RuleName>(name: R) => {
      const outcome = runRule(computed[layoutPath], name, place.context);
      if (outcome && !outcome.ok) ruleErrors.push(MESSAGES.computeFailed(node, name, outcome.error));
      return outcome?.ok ? outcome.value : undefined;
    };
    const visible = place.visible && (compute("visible") ?? true);
    const value = valuesByKey[key];
    const below: Place = { ...place, layoutPrefix: `${layoutPath}.`, pathPrefix: path, visible };
    const resolved: ResolvedNode = {
      key,
      path,
      definition: node,
      visible,
      flex: ("flex" in node ? node.flex : undefined) ?? DEFAULT_FLEX[node.kind],
      ...(isChoice(node) ? { options: resolveOptions(compute("options") ?? node.options) } : {}),
      ...(node.kind === "number" || node.kind === "integer" ? { min: compute("min") ?? node.min, max: compute("max") ?? node.max } : {}),
      ...(isGroup(node) ? { children: resolveNodes(computed, node.children, value, below) } : {}),
      ...(node.kind === "table" ? { columns: resolveNodes(computed, node.columns, {}, { ...below, columns: true }) } : {}),
      ...(node.kind === "dynamicArray"
        ? {
            rows: (Array.isArray(value) ? value : []).map((row: unknown, index) =>
              resolveNodes(computed, node.children, row, {
                ...below,
                pathPrefix: joinPath(path, index),
                context: { params: place.context.params, row, index },
              }),
            ),
          }
        : {}),
    };
    return ruleErrors.length > 0 ? { ...resolved, ruleErrors } : resolved;
  });
}

function resolveOptions(options: readonly OptionInput[] | undefined): ResolvedOption[] {
  return (options ?? []).map((option) =>
    typeof option === "object" ? { value: option.value, label: option.label } : { value: option, label: String(option) },
  );
}
