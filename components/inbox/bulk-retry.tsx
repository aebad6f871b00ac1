"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { reviveTasksAction } from "@/app/(app)/flows/actions";
import { FLOW_QUERY_KEY } from "@/components/live/use-live-flow";

/** Revives every failed task the error queue's filter selects. */
export function BulkRetry({ filters }: { filters: { flow: string | null; node: string | null; search: string | null } }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await reviveTasksAction(filters);
            setMessage(
              result.ok
                ? `Revived ${result.value.revived}${result.value.failed ? `, ${result.value.failed} failed again` : ""}.`
                : result.failure.message,
            );
            await queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
            router.refresh();
          })
        }
        className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-50"
      >
        Revive all shown
      </button>
      {message && (
        <span role="status" className="text-sm text-slate-700">
          {message}
        </span>
      )}
    </div>
  );
}
