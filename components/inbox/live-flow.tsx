"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FLOW_QUERY_KEY, useLiveFlow } from "@/components/live/use-live-flow";

/** Mounted once in the signed-in layout: keeps every "flow" query live (LISTEN/NOTIFY over SSE). */
export function LiveFlow() {
  useLiveFlow();
  return null;
}

/**
 * Re-renders a server-rendered page (process, task, error queue) when flow data changes: a "flow"
 * query whose fetch is a router refresh, so useLiveFlow's invalidation reaches server components too.
 */
export function RefreshOnFlowChange({ scope }: { scope: string }) {
  const router = useRouter();
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
