import type { Metadata } from "next";
import Link from "next/link";
import { CorrectProcessData, TaskRepairButtons } from "@/components/inbox/admin-process-actions";
import { BulkRetry } from "@/components/inbox/bulk-retry";
import { processHref } from "@/components/inbox/format";
import { LocalTime } from "@/components/ui/local-time";
import { RefreshOnFlowChange } from "@/components/inbox/live-flow";
import { StatusBadge } from "@/components/inbox/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/app/platform";
import { listErrorQueue } from "@/lib/flow/inbox/list-error-queue";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";
import { installed } from "@/lib/installation/install";

export const metadata: Metadata = { title: "Error queue" };

// GET /admin/errors?flow&node&q&cursor: errored and obsolete tasks across all flows, to revive (after correcting the data) or cancel (admins only).
export default async function ErrorQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("flow.manage");
  const params = await searchParams;
  const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : null);
  const filters = { flow: one(params.flow), node: one(params.node), search: one(params.q) };
  const snapshot = await readFlowSnapshot();
  const page = await listErrorQueue(user, { ...filters, cursor: one(params.cursor) });
  return (
    <div className="space-y-6">
      <RefreshOnFlowChange scope="error-queue" snapshot={snapshot} />
      <h1 className="text-2xl font-semibold">Error queue</h1>
      <form className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Flow</span>
          <select name="flow" defaultValue={filters.flow ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">All flows</option>
            {installed().flows.flows.map((flow) => (
              <option key={flow.name} value={flow.name}>
                {flow.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Node</span>
          <input name="node" defaultValue={filters.node ?? ""} className="w-36 rounded border border-slate-300 bg-white px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Error message</span>
          <input
            name="q"
            type="search"
            defaultValue={filters.search ?? ""}
            className="w-56 rounded border border-slate-300 bg-white px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
          Filter
        </button>
        {page.items.some((item) => item.reason === "error") && <BulkRetry filters={filters} />}
      </form>
      {page.items.length === 0 ? (
        <EmptyState title="Nothing has failed">
          Tasks that fail in the background land here with their error, ready to revive or cancel.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {page.items.map((item) => (
            <li key={item.id} data-testid="error-item" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-3">
                <StatusBadge status={item.reason === "obsolete" ? "obsolete" : item.status} />
                <span className="font-medium">{item.title}</span>
                <Link
                  href={processHref({ flowName: item.flowName, id: item.processId })}
                  prefetch={false}
                  className="text-sm text-brand-700 hover:underline"
                >
                  {item.flowName} / {item.nodeName}
                </Link>
                <span className="ml-auto text-xs text-slate-500">
                  <LocalTime iso={item.updatedAt} />
                </span>
              </div>
              {item.error ? (
                <details>
                  <summary className="cursor-pointer text-sm text-red-700">
                    {item.error.message} <span className="text-slate-500">(attempt {item.error.attempts})</span>
                  </summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
                    {item.error.stack ?? "No stack trace."}
                  </pre>
                </details>
              ) : (
                <p className="text-sm text-slate-600">The flow no longer has the node “{item.nodeName}”: cancel the task.</p>
              )}
              <CorrectProcessData processRef={{ flow: item.flowName, processId: item.processId }} data={item.processData} />
              <TaskRepairButtons
                taskRef={{ flow: item.flowName, processId: item.processId, taskId: item.id }}
                canRetry={item.reason === "error"}
              />
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <Link
          href={`/admin/errors?${new URLSearchParams({ ...(filters.flow ? { flow: filters.flow } : {}), ...(filters.node ? { node: filters.node } : {}), ...(filters.search ? { q: filters.search } : {}), cursor: page.nextCursor })}`}
          className="text-sm text-brand-700 hover:underline"
        >
          Next page
        </Link>
      )}
    </div>
  );
}
