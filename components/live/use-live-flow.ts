"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { isCommittedIn, type FlowSnapshot } from "@/lib/events/flow-snapshot";

/** The react-query key prefix of everything that shows flow state (inbox, queue, process pages, counters). */
export const FLOW_QUERY_KEY = "flow";

/** How many of the latest changes this tab remembers for pages that mount later (see missedFlowChange). */
const REMEMBERED = 200;
const heard: { process: string; tx: string }[] = [];

/**
 * Keeps flow data live: listens to /api/events (server-sent events relayed
 * from PostgreSQL NOTIFY) and invalidates the flow queries on each change, so
 * what is on screen refetches within a moment. EventSource reconnects by itself.
 *
 * Two ways a page could still miss a change, and what closes each:
 * - it committed before the stream was open (a page load, or while reconnecting): every time the
 *   stream opens, the flow queries are invalidated once;
 * - it was heard while the next page was on its way (a client navigation, rendered on the server
 *   before the commit): the page checks on mount with missedFlowChange and refreshes.
 */
export function useLiveFlow(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/events");
    let pending: ReturnType<typeof setTimeout> | null = null;
    const invalidateSoon = () => {
      // Several changes in a burst (a completion creating the next tasks) refetch once.
      pending ??= setTimeout(() => {
        pending = null;
        void queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
      }, 100);
    };
    const onFlow = (event: MessageEvent<string>) => {
      remember(event.data);
      invalidateSoon();
    };
    source.addEventListener("flow", onFlow);
    source.onopen = invalidateSoon;
    return () => {
      source.removeEventListener("flow", onFlow);
      source.onopen = null;
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [queryClient]);
}

function remember(data: string): void {
  try {
    const event = JSON.parse(data) as { process?: unknown; tx?: unknown };
    if (typeof event.process !== "string" || typeof event.tx !== "string") return;
    heard.push({ process: event.process, tx: event.tx });
    if (heard.length > REMEMBERED) heard.splice(0, heard.length - REMEMBERED);
  } catch {
    // Not ours: the stream only sends flow events.
  }
}

/**
 * Whether this tab has heard of a change (to `process`, or to any process when it is omitted) that a
 * page rendered from `snapshot` does not show: it committed while the page was being rendered or
 * sent. Call it when the page mounts; a true answer means refresh once.
 */
export function missedFlowChange(snapshot: FlowSnapshot, process?: string): boolean {
  return heard.some((change) => (process === undefined || change.process === process) && !isCommittedIn(snapshot, change.tx));
}
