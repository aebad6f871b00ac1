import type {
  ArrayItemNode,
  ColumnField,
  DynamicArrayConfig,
  DynamicArrayField,
  NodesByKey,
  PartialRowOf,
  RowsConfig,
  TableField,
} from "./types";

/**
 * Rows of typed columns, edited as a grid: the user adds, removes and reorders rows.
 * @example table("Point loads", { x: number("Position", { suffix: "m" }), F: number("Force", { suffix: "kN" }) })
 */
export function table<C extends NodesByKey<ColumnField>>(label: string, columns: C, config?: RowsConfig<PartialRowOf<C>>): TableField<C> {
  return { kind: "table", label, columns, ...config };
}

/**
 * A group of fields the user repeats as often as needed, e.g. one per span.
 * @example dynamicArray("Spans", { length: number("Length", { suffix: "m" }) }, { rowLabel: "Span", minRows: 1 })
 */
export function dynamicArray<C extends NodesByKey<ArrayItemNode>>(
  label: string,
  children: C,
  config?: DynamicArrayConfig<PartialRowOf<C>>,
): DynamicArrayField<C> {
  return { kind: "dynamicArray", label, children, ...config };
}
