"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelProcessAction, cancelTaskAction, correctProcessDataAction, reviveTaskAction } from "@/app/(app)/flows/actions";
import { FLOW_QUERY_KEY } from "@/components/live/use-live-flow";
import { failureText, type Result } from "@/lib/result";
import { Button } from "@/components/ui/button";

function useAdminAction() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const run = (action: () => Promise<Result<unknown>>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? { tone: "info", text: done } : { tone: "error", text: failureText(result.failure) });
      await queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
      router.refresh();
    });
  return { pending, message, run };
}

function Message({ message }: { message: { tone: "error" | "info"; text: string } | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      className={`text-sm ${message.tone === "error" ? "text-red-700" : "text-emerald-700"}`}
    >
      {message.text}
    </p>
  );
}

/** An admin's buttons for one failed or obsolete task: revive (run it again), cancel. */
export function TaskRepairButtons({
  taskRef,
  canRevive,
}: {
  taskRef: { flow: string; processId: string; taskId: string };
  canRevive: boolean;
}) {
  const { pending, message, run } = useAdminAction();
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        {canRevive && (
          <Button
            disabled={pending}
            onClick={() => run(() => reviveTaskAction(taskRef), "Revived: a fresh task took its place.")}
            variant="primary"
            size="compact"
          >
            Revive
          </Button>
        )}
        <Button
          disabled={pending}
          onClick={() => run(() => cancelTaskAction(taskRef), "Canceled.")}
          variant="danger-outline"
          size="compact"
        >
          Cancel
        </Button>
      </div>
      <Message message={message} />
    </div>
  );
}

/** An admin corrects a process's data (JSON, validated by the flow's process schema on the server, audited). */
export function CorrectProcessData({
  processRef,
  data,
}: {
  processRef: { flow: string; processId: string };
  data: Record<string, unknown>;
}) {
  const { pending, message, run } = useAdminAction();
  const [text, setText] = useState(() => JSON.stringify(data, null, 2));
  return (
    <details className="rounded border border-slate-200 bg-white p-2 text-sm">
      <summary className="cursor-pointer text-slate-700">Correct the process data</summary>
      <label className="mt-2 block">
        <span className="sr-only">Process data (JSON)</span>
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={Math.min(16, text.split("\n").length + 1)}
          className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
          aria-label="Process data (JSON)"
        />
      </label>
      <Button
        disabled={pending}
        onClick={() => run(() => correctProcessDataAction({ ...processRef, data: text }), "Saved; the change is in the audit trail.")}
        size="compact"
        className="mt-1"
      >
        Save data
      </Button>
      <Message message={message} />
    </details>
  );
}

/** An admin cancels a whole process. */
export function CancelProcessButton({ processRef }: { processRef: { flow: string; processId: string } }) {
  const { pending, message, run } = useAdminAction();
  return (
    <div className="space-y-1">
      <Button
        disabled={pending}
        onClick={() => run(() => cancelProcessAction(processRef), "The process is canceled.")}
        variant="danger-outline"
        size="compact"
      >
        Cancel process
      </Button>
      <Message message={message} />
    </div>
  );
}
