"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { reviveTasksAction } from "@/app/(app)/flows/actions";
import { FLOW_QUERY_KEY } from "@/components/live/use-live-flow";
import { Button } from "@/components/ui/button";

/** Revives every failed task the error queue's filter selects. */
export function ReviveAll({ filters }: { filters: { flow: string | null; node: string | null; search: string | null } }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      <Button
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
        variant="primary"
        size="compact"
      >
        Revive all shown
      </Button>
      {message && (
        <span role="status" className="text-sm text-slate-700">
          {message}
        </span>
      )}
    </div>
  );
}
