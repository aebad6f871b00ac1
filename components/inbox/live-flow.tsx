"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FLOW_QUERY_KEY, missedFlowChange, useLiveFlow } from "@/components/live/use-live-flow";
import type { FlowSnapshot } from "@/lib/events/flow-snapshot";

/** Mounted once in the signed-in layout: keeps every "flow" query live (LISTEN/NOTIFY over SSE). */
export function LiveFlow() {
  useLiveFlow();
  return null;
}

/**
 * Re-renders a server-rendered page (process, task, error queue) when flow data changes: a "flow"
 * query whose fetch is a router refresh, so useLiveFlow's invalidation reaches server components too.
 * `snapshot` is what the page was rendered from (readFlowSnapshot): a change to `process` (or to any
 * process, without it) heard before the page mounted and missing from it refreshes it at once.
 */
export function RefreshOnFlowChange({ scope, snapshot, process }: { scope: string; snapshot: FlowSnapshot; process?: string }) {
  const router = useRouter();
  useEffect(() => {
    if (missedFlowChange(snapshot, process)) router.refresh();
  }, [router, snapshot, process]);
  useQuery({
    queryKey: [FLOW_QUERY_KEY, "page", scope],
    queryFn: () => {
      router.refresh();
      return Date.now();
    },
    initialData: 0,
    staleTime: 0,
    refetchOnMount: false,
  });
  return null;
}
