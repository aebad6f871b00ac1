import { checkDefinition } from "./check-definition";
import type { AnyComputedRules, ComputedRules } from "./computed-rules";
import type { HasValue, Layout, NodesByKey, Page, PageChild, ParamsOfNodes, ValueOf } from "./types";

/** An entity type's input definition: its layout, and the rules computed from its params. */
export interface Parametrization<L extends Layout = Layout> extends HasValue<ParamsOfNodes<L>> {
  /** The nodes as declared: plain data, safe to serialise. */
  readonly layout: L;
  /** The computed rules, by layout path. */
  readonly computed: AnyComputedRules;
}

/** The type of valid params of a parametrization: `ParamsOf<typeof beam>`. */
export type ParamsOf<P extends Parametrization> = ValueOf<P>;

/** @internal A sentence the compiler shows when a layout breaks a rule types can state. */
type LayoutError<Message extends string> = { readonly "~layoutError": Message };

type TopLevelKind<L> = { [K in keyof L]: L[K] extends Page<NodesByKey<PageChild>, infer Kind> ? Kind : "other" }[keyof L];

type LayoutCheck<L, Kinds = TopLevelKind<L>> = "other" extends Kinds
  ? [Exclude<Kinds, "other">] extends [never]
    ? unknown
    : LayoutError<"Put every top-level node in a tab (or a step), or use no tabs at all">
  : ["tab" | "step"] extends [Kinds]
    ? LayoutError<"Use tabs or steps at the top level, not both">
    : unknown;

/**
 * Define a parametrization: a layout of typed fields, and the rules computed from its params.
 *
 * The params type is inferred from the layout (`ParamsOf<typeof p>`). Computed rules come second,
 * keyed by layout path, because only once the layout is known can each callback receive the params
 * of the whole parametrization, typed; a rule on a path or of a kind the node cannot have does not
 * compile. The definition is checked at once, and a mistake throws `ParamsDefinitionError`.
 *
 * @example
 * const beam = parametrization(
 *   {
 *     geometry: tab("Geometry", {
 *       family: option("Family", { options: ["IPE", "HEA"], default: "IPE" }),
 *       profile: option("Profile"),
 *       length: number("Length", { min: 1, max: 30, default: 6, suffix: "m" }),
 *     }),
 *   },
 *   {
 *     "geometry.profile": { options: ({ params }) => profilesFor(params.geometry.family) },
 *   },
 * );
 */
export function parametrization<L extends Layout>(
  layout: L & LayoutCheck<L>,
  computed: NoInfer<ComputedRules<L>> = {},
): Parametrization<L> {
  // The rules' callbacks are typed by path; the engine looks them up by string.
  const defined: Parametrization<L> = Object.freeze({
    layout: deepFreeze(layout),
    computed: Object.freeze({ ...(computed as AnyComputedRules) }),
  });
  checkDefinition(defined);
  return defined;
}

// Frozen, so that the compiled schema can never drift from the layout it was built from.
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
