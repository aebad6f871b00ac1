import type { TableColumn } from "@/lib/controller/results";

export type SortDirection = "ascending" | "descending";

export interface TableSort {
  readonly key: string;
  readonly direction: SortDirection;
}

type Row = Readonly<Record<string, number | string | null>>;

/**
 * The rows sorted by one column, stable (equal values keep their order);
 * numbers by value, text by `localeCompare` with numeric parts compared as
 * numbers ("N2" before "N10"); empty cells last in either direction.
 */
export function sortRows<R extends Row>(rows: readonly R[], columns: readonly TableColumn[], sort: TableSort | null): R[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return [...rows];
  const sign = sort.direction === "ascending" ? 1 : -1;
  const compare = (a: number | string, b: number | string) =>
    typeof a === "number" && typeof b === "number"
      ? a - b
      : String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[sort.key] ?? null;
      const b = y.row[sort.key] ?? null;
      if (a === null || b === null) return a === b ? x.index - y.index : a === null ? 1 : -1;
      return sign * compare(a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** The next sort when a column's header is clicked: ascending, then descending, then ascending again. */
export function nextSort(current: TableSort | null, key: string): TableSort {
  return current?.key === key && current.direction === "ascending" ? { key, direction: "descending" } : { key, direction: "ascending" };
}
