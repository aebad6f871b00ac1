"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { FLOW_QUERY_KEY } from "@/components/live/use-live-flow";
import { fetchApiValue } from "@/lib/http/fetch-api";

/** The header's count of the user's open tasks, live. */
export function OpenTaskCounter({ initial }: { initial: number }) {
  const { data } = useQuery({
    queryKey: [FLOW_QUERY_KEY, "open-count"],
    queryFn: async ({ signal }) => (await fetchApiValue("list:count", "/api/flow/lists?list=count", { signal })).count,
    initialData: initial,
    staleTime: 0,
    refetchOnMount: false,
  });
  return (
    <Link
      href="/inbox"
      className="flex items-center gap-1.5 hover:text-slate-900"
      aria-label={`Inbox, ${data} open ${data === 1 ? "task" : "tasks"}`}
    >
      Inbox
      <span
        data-testid="open-task-count"
        className={`rounded-full px-1.5 text-xs ${data > 0 ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-500"}`}
      >
        {data}
      </span>
    </Link>
  );
}
