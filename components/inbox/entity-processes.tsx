"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { startFlowForEntityAction } from "@/app/(app)/flows/actions";
import { FLOW_QUERY_KEY, missedFlowChange } from "@/components/live/use-live-flow";
import type { FlowSnapshot } from "@/lib/events/flow-snapshot";
import { useTimeZone } from "@/components/ui/local-time";
import { Button } from "@/components/ui/button";
import { formatTime, processHref } from "./format";
import { StatusBadge } from "./status-badge";
import type { Api } from "@/lib/http/api";
import { fetchApiValue } from "@/lib/http/fetch-api";
import { failureText } from "@/lib/result";

export interface EntityProcessesProps {
  readonly entityId: string;
  readonly entityName: string;
  readonly version: number;
  readonly startable: readonly { readonly flow: string; readonly label: string }[];
  /** The first page of its processes, newest first (listEntityProcesses). */
  readonly processes: Api["list:entity"];
  /** What the processes were read from (readFlowSnapshot). */
  readonly snapshot: FlowSnapshot;
}

/** On an entity's page: start a flow for it (e.g. "Submit for review" of the saved version), and the processes it is part of. */
export function EntityProcesses({ entityId, entityName, version, startable, processes: initial, snapshot }: EntityProcessesProps) {
  const zone = useTimeZone();
  const queryClient = useQueryClient();
  // A "flow" query: a flow event refetches this list alone, not the editor page around it.
  const queryKey = [FLOW_QUERY_KEY, "list", "entity", entityId];
  const pages = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      fetchApiValue(
        "list:entity",
        `/api/flow/lists?${new URLSearchParams({ list: "entity", entity: entityId, ...(pageParam ? { cursor: pageParam } : {}) })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  const processes = pages.data.pages.flatMap((page) => page.items);
  useEffect(() => {
    if (missedFlowChange(snapshot)) void queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY, "list", "entity", entityId] });
  }, [queryClient, snapshot, entityId]);
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState(entityName);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const start = (flow: string) =>
    startTransition(async () => {
      const result = await startFlowForEntityAction({ flow, entityId, summary });
      setMessage(result.ok ? { tone: "info", text: "Started." } : { tone: "error", text: failureText(result.failure) });
      await queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
    });
  return (
    <section aria-label="Processes" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-medium">Processes</h2>
      {startable.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">
            <span className="text-slate-600">Summary (saved version {version})</span>
            <input
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
              maxLength={500}
              className="w-72 rounded border border-slate-300 px-2 py-1"
            />
          </label>
          {startable.map((item) => (
            <Button key={item.flow} disabled={pending} onClick={() => start(item.flow)} variant="primary" size="compact-md">
              {item.label}
            </Button>
          ))}
        </div>
      )}
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-red-700" : "text-emerald-700"}>
          {message.text}
        </p>
      )}
      {processes.length === 0 ? (
        <p className="text-slate-500">Not part of any process yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {processes.map((process) => (
            <li key={process.id} data-testid="entity-process" className="flex flex-wrap items-center gap-2 py-1.5">
              <Link href={processHref(process)} prefetch={false} className="text-brand-700 hover:underline">
                {process.flowName}
              </Link>
              <StatusBadge status={process.status} />
              {process.current.length > 0 && <span className="text-slate-600">at {process.current.join(", ")}</span>}
              <time dateTime={process.createdAt} className="ml-auto text-xs text-slate-400">
                {formatTime(process.createdAt, zone)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {pages.hasNextPage && (
        <Button size="compact" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {pages.isFetchingNextPage ? "Loading…" : "Show older processes"}
        </Button>
      )}
    </section>
  );
}
