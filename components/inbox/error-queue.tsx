import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { FlowSnapshot } from "@/lib/events/flow-snapshot";
import type { ErrorQueueItem } from "@/lib/flow/inbox/list-error-queue";
import { Button } from "@/components/ui/button";
import { CorrectProcessData, TaskRepairButtons } from "./admin-process-actions";
import { ReviveAll } from "./revive-all";
import { processHref } from "./format";
import { RefreshOnFlowChange } from "./live-flow";
import { StatusBadge } from "./status-badge";

/** The error queue's filter, as read from the address (`flow`, `node`, `q`). */
export interface ErrorQueueFilter {
  readonly flow: string | null;
  readonly node: string | null;
  readonly search: string | null;
}

export interface ErrorQueueProps {
  readonly filters: ErrorQueueFilter;
  readonly page: { readonly items: readonly ErrorQueueItem[]; readonly nextCursor: string | null };
  /** The names of the flows the filter offers. */
  readonly flowNames: readonly string[];
  /** What the page was read from (readFlowSnapshot). */
  readonly snapshot: FlowSnapshot;
}

/** The admin's error queue: a filter, then each failed or obsolete task with its error, a data correction, revive and cancel. */
export function ErrorQueue({ filters, page, flowNames, snapshot }: ErrorQueueProps) {
  return (
    <div className="space-y-6">
      <RefreshOnFlowChange scope="error-queue" snapshot={snapshot} />
      <h1 className="text-2xl font-semibold">Error queue</h1>
      <ErrorQueueFilterForm filters={filters} flowNames={flowNames} canReviveAll={page.items.some((item) => item.reason === "error")} />
      {page.items.length === 0 ? (
        <EmptyState title="Nothing has failed">
          Tasks that fail in the background land here with their error, ready to revive or cancel.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {page.items.map((item) => (
            <ErrorQueueEntry key={item.id} item={item} />
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <Link href={errorQueueHref(filters, page.nextCursor)} className="text-sm text-brand-700 hover:underline">
          Next page
        </Link>
      )}
    </div>
  );
}

/** The address of the queue's next page: the same filter, from `cursor` on. */
function errorQueueHref(filters: ErrorQueueFilter, cursor: string): string {
  const query = new URLSearchParams({
    ...(filters.flow ? { flow: filters.flow } : {}),
    ...(filters.node ? { node: filters.node } : {}),
    ...(filters.search ? { q: filters.search } : {}),
    cursor,
  });
  return `/admin/errors?${query}`;
}

/** A plain GET form, so the filter lives in the address and survives a reload. */
function ErrorQueueFilterForm({
  filters,
  flowNames,
  canReviveAll,
}: {
  filters: ErrorQueueFilter;
  flowNames: readonly string[];
  canReviveAll: boolean;
}) {
  return (
    <form className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">Flow</span>
        <select name="flow" defaultValue={filters.flow ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
          <option value="">All flows</option>
          {flowNames.map((name) => (
            <option key={name} value={name}>
              {name}
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
      <Button type="submit" size="compact">
        Filter
      </Button>
      {canReviveAll && <ReviveAll filters={filters} />}
    </form>
  );
}

/** One task in the queue: what failed and where, the error with its stack, and the admin's repairs. */
function ErrorQueueEntry({ item }: { item: ErrorQueueItem }) {
  return (
    <li data-testid="error-item" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
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
        <ErrorWithStack error={item.error} />
      ) : (
        <p className="text-sm text-slate-600">The flow no longer has the node “{item.nodeName}”: cancel the task.</p>
      )}
      <CorrectProcessData processRef={{ flow: item.flowName, processId: item.processId }} data={item.processData} />
      <TaskRepairButtons
        taskRef={{ flow: item.flowName, processId: item.processId, taskId: item.id }}
        canRevive={item.reason === "error"}
      />
    </li>
  );
}

/** The message and attempt count, with the stack folded under it. */
function ErrorWithStack({ error }: { error: NonNullable<ErrorQueueItem["error"]> }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm text-red-700">
        {error.message} <span className="text-slate-500">(attempt {error.attempts})</span>
      </summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">{error.stack ?? "No stack trace."}</pre>
    </details>
  );
}
