"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** The react-query key prefix of everything that shows flow state (inbox, queue, process pages, counters). */
export const FLOW_QUERY_KEY = "flow";

/**
 * Keeps flow data live: listens to /api/events (server-sent events relayed
 * from PostgreSQL NOTIFY) and invalidates the flow queries on each change, so
 * what is on screen refetches within a moment. EventSource reconnects by itself.
 */
export function useLiveFlow(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/events");
    let pending: ReturnType<typeof setTimeout> | null = null;
    const onFlow = () => {
      // Several changes in a burst (a completion creating the next tasks) refetch once.
      pending ??= setTimeout(() => {
        pending = null;
        void queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
      }, 100);
    };
    source.addEventListener("flow", onFlow);
    return () => {
      source.removeEventListener("flow", onFlow);
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [queryClient]);
}
