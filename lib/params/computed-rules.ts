import type {
  DynamicArrayField,
  Group,
  MultiSelectField,
  NumberField,
  OptionField,
  OptionInput,
  ParamsOfNodes,
  TableField,
  ValueOf,
} from "./types";

/** What a computed rule receives: the params of the whole parametrization. */
export interface RuleContext<P> {
  readonly params: P;
}

/** What a computed rule of a field inside a dynamic array receives: also its row and the row's index. */
export interface RowRuleContext<P, R> extends RuleContext<P> {
  readonly row: R;
  readonly index: number;
}

/** Every computed rule a node can have, with what it returns. */
export interface RuleResults<V> {
  /** Whether the node is shown. Hidden fields keep their values; their computed rules are not checked. Default: shown. */
  readonly visible: boolean;
  /** The choices, replacing the static `options` (whose values still bound the type). Default: the static options. */
  readonly options: readonly OptionInput<V & (string | number)>[];
  /** Smallest value allowed; replaces the static `min`. Default: the static `min`. */
  readonly min: number;
  /** Largest value allowed; replaces the static `max`. Default: the static `max`. */
  readonly max: number;
}

export type RuleName = keyof RuleResults<unknown>;

// Where a node sits decides what its rules receive. Table columns have one set of options and
// bounds for the whole column (a grid cannot show a different dropdown per cell), and no
// visibility of their own; a dynamic array's fields are computed per row.
interface ParamsScope {
  readonly scope: "params";
}
interface ColumnScope {
  readonly scope: "column";
}
interface RowScope<R> {
  readonly scope: "row";
  readonly row: R;
}

interface Entry<Path extends string, N, S> {
  readonly path: Path;
  readonly node: N;
  readonly scope: S;
}

/**
 * @internal Every node under `C`, with its layout path and scope. `Depth` bounds the recursion (a
 * layout is at most page > section > table or dynamic array > column), which also keeps the
 * compiler from exploring it without end while `C` is still generic.
 */
type EntriesOf<C, Prefix extends string, S, Depth extends unknown[] = []> = Depth["length"] extends 4
  ? never
  : {
      [K in keyof C & string]: Entry<`${Prefix}${K}`, C[K], S> | EntriesBelow<C[K], `${Prefix}${K}.`, S, [...Depth, unknown]>;
    }[keyof C & string];

type EntriesBelow<N, Prefix extends string, S, Depth extends unknown[]> = N extends Group
  ? EntriesOf<N["children"], Prefix, S, Depth>
  : N extends TableField
    ? EntriesOf<N["columns"], Prefix, ColumnScope, Depth>
    : N extends DynamicArrayField
      ? EntriesOf<N["children"], Prefix, RowScope<ValueOf<N>[number]>, Depth>
      : never;

/** The rules a node at this scope may have. */
export type RuleNamesOf<N, S> =
  | (S extends ColumnScope ? never : "visible")
  | (N extends OptionField | MultiSelectField ? "options" : never)
  | (N extends NumberField ? "min" | "max" : never);

type ChoiceValue<N> = N extends MultiSelectField ? ValueOf<N>[number] : NonNullable<ValueOf<N>>;

type ContextOf<P, S> = S extends RowScope<infer R> ? RowRuleContext<P, R> : RuleContext<P>;

/** The computed rules of one node. */
export type RulesFor<N, P, S> = {
  readonly [R in RuleNamesOf<N, S>]?: (context: ContextOf<P, S>) => RuleResults<ChoiceValue<N>>[R];
};

/**
 * The computed rules of a layout, keyed by layout path (`"geometry.profile"`, `"loads.points.node"`).
 * Every callback receives the params of the whole layout, typed; a path or rule the node cannot
 * have does not compile.
 */
export type ComputedRules<L> = {
  readonly [E in EntriesOf<L, "", ParamsScope> as [RuleNamesOf<E["node"], E["scope"]>] extends [never] ? never : E["path"]]?: RulesFor<
    E["node"],
    ParamsOfNodes<L>,
    E["scope"]
  >;
};

/** @internal The rules of one node as the engine sees them, untyped. */
export type AnyRules = {
  readonly [R in RuleName]?: (context: { params: unknown; row?: unknown; index?: number }) => RuleResults<unknown>[R];
};

/** @internal Computed rules by layout path, as the engine sees them. */
export type AnyComputedRules = { readonly [path: string]: AnyRules };
