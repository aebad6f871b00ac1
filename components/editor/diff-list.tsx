"use client";

import { useMemo } from "react";
import { describePath } from "@/lib/entities/describe-path";
import { diffParams } from "@/lib/entities/diff-params";
import type { Parametrization } from "@/lib/params";

/** The differences between two params, one line per changed field or table row, labelled as in the form. */
export function DiffList({
  parametrization,
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  parametrization: Parametrization;
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}) {
  const changes = useMemo(() => diffParams(before, after), [before, after]);
  if (changes.length === 0) return <p className="text-sm text-slate-500">No differences.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label={`Differences between ${beforeLabel} and ${afterLabel}`}>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Field
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            {beforeLabel}
          </th>
          <th scope="col" className="py-1 font-medium">
            {afterLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const { labels, suffix } = describePath(parametrization, change.path);
          return (
            <tr key={change.path} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 font-normal text-slate-700">
                {labels.join(" › ") || "All params"}
              </th>
              <td className="py-1 pr-3 text-red-800">
                <span className="rounded bg-red-50 px-1">
                  {change.kind === "added" ? "(no row)" : show(parametrization, change.path, change.before, suffix)}
                </span>
              </td>
              <td className="py-1 text-green-800">
                <span className="rounded bg-green-50 px-1">
                  {change.kind === "removed" ? "(removed)" : show(parametrization, change.path, change.after, suffix)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function show(parametrization: Parametrization, path: string, value: unknown, suffix: string | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return suffix ? `${value} ${suffix}` : String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map((item) => show(parametrization, path, item, undefined)).join(", ") || "none";
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => {
        const column = describePath(parametrization, `${path}.${key}`);
        return `${column.labels.at(-1) ?? key} ${show(parametrization, `${path}.${key}`, item, column.suffix)}`;
      })
      .join(", ");
  }
  return String(value);
}
