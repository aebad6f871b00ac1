"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { claimTaskAction } from "@/app/(app)/flows/actions";
import { FLOW_QUERY_KEY, missedFlowChange } from "@/components/live/use-live-flow";
import type { FlowSnapshot } from "@/lib/events/flow-snapshot";
import type { TaskListItem, TaskPage } from "@/lib/flow/inbox/task-list-item";
import { useTimeZone } from "@/components/ui/local-time";
import { Tabs } from "@/components/ui/tabs";
import { Button } from "@/components/ui/button";
import { formatTime, processHref, taskHref } from "./format";
import { StatusBadge } from "./status-badge";
import type { Api } from "@/lib/http/api";
import { fetchApiValue } from "@/lib/http/fetch-api";

export type ListTab = "inbox" | "queue" | "archive";

const TABS: { key: ListTab; label: string }[] = [
  { key: "inbox", label: "Inbox" },
  { key: "queue", label: "Queue" },
  { key: "archive", label: "Archive" },
];

interface Filters {
  readonly flow: string;
  readonly status: string;
  readonly search: string;
}

type ListName = "inbox" | "queue" | "archive" | "started";

async function fetchList<L extends ListName>(
  list: L,
  filters: Partial<Filters>,
  cursor: string | null,
  signal: AbortSignal,
): Promise<Api[`list:${L}`]> {
  const query = new URLSearchParams({ list });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  if (cursor) query.set("cursor", cursor);
  return fetchApiValue(`list:${list}`, `/api/flow/lists?${query}`, { signal });
}

/**
 * The inbox, queue and archive as tabs, with filters by flow and status and a title search in the
 * URL; each list is a "flow" query, so it updates live, paged by cursor ("Load more").
 */
export function TaskLists({
  tab,
  flows,
  initial,
  snapshot,
}: {
  tab: ListTab;
  flows: readonly string[];
  initial: TaskPage;
  snapshot: FlowSnapshot;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters: Filters = { flow: params.get("flow") ?? "", status: params.get("status") ?? "", search: params.get("q") ?? "" };
  const [search, setSearch] = useState(filters.search);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next}`);
  };

  return (
    <div className="space-y-4">
      <Tabs
        label="Task lists"
        look="underline"
        tabs={TABS.map((item) => ({ ...item, href: item.key === "inbox" ? "/inbox" : `/inbox?tab=${item.key}` }))}
        selectedKey={tab}
        panelClassName="space-y-4"
      >
        <form
          className="flex flex-wrap items-end gap-3 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            setParam("q", search.trim());
          }}
        >
          <label className="flex flex-col gap-1">
            <span className="text-slate-600">Flow</span>
            <select
              value={filters.flow}
              onChange={(event) => setParam("flow", event.target.value)}
              className="rounded border border-slate-300 bg-white px-2 py-1"
            >
              <option value="">All flows</option>
              {flows.map((flow) => (
                <option key={flow} value={flow}>
                  {flow}
                </option>
              ))}
            </select>
          </label>
          {tab === "inbox" && (
            <label className="flex flex-col gap-1">
              <span className="text-slate-600">Status</span>
              <select
                value={filters.status}
                onChange={(event) => setParam("status", event.target.value)}
                className="rounded border border-slate-300 bg-white px-2 py-1"
              >
                <option value="">Open</option>
                <option value="assigned">Assigned</option>
                <option value="started">Started</option>
              </select>
            </label>
          )}
          <label className="flex flex-col gap-1">
            <span className="text-slate-600">Search titles</span>
            <input
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className="w-64 rounded border border-slate-300 bg-white px-2 py-1"
              placeholder="e.g. girder"
            />
          </label>
          <Button type="submit" size="compact">
            Search
          </Button>
        </form>
        <TaskTable
          key={`${tab}|${filters.flow}|${filters.status}|${filters.search}`}
          tab={tab}
          filters={filters}
          initial={initial}
          snapshot={snapshot}
        />
        {tab === "archive" && <StartedProcesses flow={filters.flow} />}
      </Tabs>
    </div>
  );
}

function TaskTable({ tab, filters, initial, snapshot }: { tab: ListTab; filters: Filters; initial: TaskPage; snapshot: FlowSnapshot }) {
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const query = useInfiniteQuery({
    queryKey: [FLOW_QUERY_KEY, "list", tab, filters],
    queryFn: ({ pageParam, signal }) => fetchList(tab, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The server's first page, fresh until a flow event says otherwise: invalidated while the list was
    // away, it refetches when it comes back; heard of while this page was on its way, below.
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  useEffect(() => {
    if (missedFlowChange(snapshot)) void queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY, "list", tab] });
  }, [queryClient, snapshot, tab]);
  const items = query.data.pages.flatMap((page) => page.items);

  const claim = (task: TaskListItem) =>
    startTransition(async () => {
      const result = await claimTaskAction({ flow: task.flowName, processId: task.processId, taskId: task.id });
      setMessage(result.ok ? `“${task.title}” is now in your inbox.` : result.failure.message);
      await queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
    });

  const status = message && (
    <p role="status" className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-700">
      {message}
    </p>
  );
  if (items.length === 0) {
    return (
      <div className="space-y-3">
        {status}
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-500">
          {tab === "inbox"
            ? "No tasks for you. Tasks assigned to you appear here as soon as a process needs you."
            : tab === "queue"
              ? "Nothing waiting in your queues."
              : "You have not completed any task yet."}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {status}
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Task</th>
              <th className="px-3 py-2">Process</th>
              <th className="px-3 py-2">Entity</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">{tab === "archive" ? "Finished" : "Due"}</th>
              {tab === "queue" && (
                <th className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          {/* Row links do not prefetch: each prefetch is a server render of a personal page, and a
              page of 25 rows made 37 of them on load (bench/inbox.ts). */}
          <tbody className="divide-y divide-slate-100">
            {items.map((task) => (
              <tr key={task.id} data-testid="task-row">
                <td className="px-3 py-2">
                  <Link href={taskHref(task)} prefetch={false} className="font-medium text-brand-700 hover:underline">
                    {task.title}
                  </Link>
                  {task.description && <div className="text-xs text-slate-500">{task.description}</div>}
                </td>
                <td className="px-3 py-2 text-slate-600">
                  <Link href={processHref({ flowName: task.flowName, id: task.processId })} prefetch={false} className="hover:underline">
                    {task.flowName}
                  </Link>
                  <div className="text-xs text-slate-400">
                    by {task.startedByName}, {formatTime(task.createdAt, zone)}
                  </div>
                </td>
                <td className="px-3 py-2">
                  {task.entity ? (
                    <Link href={`/editor/${task.entity.id}`} prefetch={false} className="hover:underline">
                      {task.entity.name}
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={task.status} />
                </td>
                <td className="px-3 py-2">
                  {tab === "archive" ? (
                    formatTime(task.finishedAt, zone)
                  ) : (
                    <span className={task.overdue ? "font-medium text-red-700" : "text-slate-600"}>
                      {formatTime(task.dueAt, zone)}
                      {task.overdue && " · overdue"}
                    </span>
                  )}
                </td>
                {tab === "queue" && (
                  <td className="px-3 py-2 text-right">
                    <Button disabled={pending} onClick={() => claim(task)} variant="primary" size="compact">
                      Assign to me
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} size="compact">
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}

function StartedProcesses({ flow }: { flow: string }) {
  const zone = useTimeZone();
  const query = useInfiniteQuery({
    queryKey: [FLOW_QUERY_KEY, "list", "started", flow],
    queryFn: ({ pageParam, signal }) => fetchList("started", { flow }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">Processes I started</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{query.isPending ? "Loading…" : "None yet."}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
          {items.map((process) => (
            <li key={process.id} className="flex items-center gap-3 px-3 py-2">
              <Link href={processHref(process)} prefetch={false} className="font-medium text-brand-700 hover:underline">
                {process.flowName}
              </Link>
              <span className="text-slate-600">{process.entity?.name}</span>
              <StatusBadge status={process.status} />
              {process.outcome && <span className="text-slate-600">→ {process.outcome}</span>}
              <span className="ml-auto text-xs text-slate-400">{formatTime(process.createdAt, zone)}</span>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} size="compact">
          Load more
        </Button>
      )}
    </section>
  );
}
