"use client";

import { useMemo, useState } from "react";
import type { TableResult } from "@/lib/controller/results";
import { formatValue } from "./format-value";
import { nextSort, sortRows, type TableSort } from "./sort-rows";

/** A table result: typed columns, sortable by clicking (or pressing Enter on) a column header. */
export function TableView({ result }: { result: TableResult }) {
  const [sort, setSort] = useState<TableSort | null>(null);
  const rows = useMemo(() => sortRows(result.rows, result.columns, sort), [result, sort]);
  return (
    <div className="overflow-auto rounded-md border border-slate-200 bg-white" data-view-kind="table">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {result.columns.map((column) => {
              const direction = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={direction ?? "none"}
                  className={`whitespace-nowrap px-3 py-2 font-semibold ${column.type === "number" ? "text-right" : ""}`}
                >
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 rounded hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-blue-600"
                    onClick={() => setSort((current) => nextSort(current, column.key))}
                  >
                    {column.label}
                    {column.suffix ? <span className="font-normal text-slate-500">[{column.suffix}]</span> : null}
                    <span aria-hidden="true" className="w-3 text-slate-400">
                      {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <tr key={i} className="hover:bg-slate-50">
              {result.columns.map((column) => (
                <td key={column.key} className={`px-3 py-1.5 ${column.type === "number" ? "text-right tabular-nums" : ""}`}>
                  {formatValue(row[column.key] ?? null, { decimals: column.decimals })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="px-3 py-2 text-sm text-slate-500">No rows.</p> : null}
    </div>
  );
}
