import type { DataItem, DataResult, Status } from "@/lib/controller/results";
import { formatValue } from "./format-value";

/** How each status reads: a symbol and a word as well as a colour, so it never depends on colour alone. */
export const STATUS_STYLE: Record<Status, { symbol: string; word: string; className: string }> = {
  success: { symbol: "✓", word: "OK", className: "text-emerald-700 bg-emerald-50 ring-emerald-200" },
  warning: { symbol: "!", word: "Warning", className: "text-amber-800 bg-amber-50 ring-amber-300" },
  error: { symbol: "✕", word: "Error", className: "text-red-700 bg-red-50 ring-red-200" },
};

/** A data result: labelled values with units, nested groups indented, statuses with their message. */
export function DataView({ result }: { result: DataResult }) {
  if (result.items.length === 0) return <p className="text-sm text-slate-500">No data.</p>;
  return (
    <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm" data-view-kind="data">
      {result.items.map((item, i) => (
        <DataRow key={`${item.label}-${i}`} item={item} depth={0} />
      ))}
    </dl>
  );
}

function DataRow({ item, depth }: { item: DataItem; depth: number }) {
  const status = item.status ? STATUS_STYLE[item.status] : null;
  const isGroup = Boolean(item.children?.length);
  return (
    <>
      <div
        className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 px-3 py-2"
        style={{ paddingLeft: `${0.75 + depth * 1.25}rem` }}
        data-status={item.status}
      >
        <dt className={isGroup ? "font-semibold text-slate-800" : "text-slate-600"}>{item.label}</dt>
        <dd className="flex items-center justify-end gap-2 text-right tabular-nums">
          {item.value !== null || !isGroup ? <span className="font-medium text-slate-900">{formatValue(item.value, item)}</span> : null}
          {status ? (
            <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${status.className}`}>
              <span aria-hidden="true">{status.symbol}</span>
              {status.word}
            </span>
          ) : null}
        </dd>
        {item.message ? (
          <dd className={`col-span-2 text-xs ${status ? status.className.split(" ")[0] : "text-slate-500"}`}>{item.message}</dd>
        ) : null}
      </div>
      {item.children?.map((child, i) => (
        <DataRow key={`${child.label}-${i}`} item={child} depth={depth + 1} />
      ))}
    </>
  );
}
