"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelTaskAction, claimTaskAction, completeTaskAction, reassignTaskAction, saveTaskDraftAction } from "@/app/(app)/flows/actions";
import { FLOW_QUERY_KEY } from "@/components/live/use-live-flow";
import { ParamsForm } from "@/components/params-form/params-form";
import { useParamsForm } from "@/components/params-form/use-params-form";
import { formInput } from "@/lib/flow/inbox/form-input";
import type { TaskRef } from "@/lib/flow/runtime/lock-process";
import type { Parametrization, ParamsDraft } from "@/lib/params";
import type { FieldIssue, Result } from "@/lib/result";
import { useTimeZone } from "@/components/ui/local-time";
import { Button } from "@/components/ui/button";
import { formatTime } from "./format";

export interface TaskFormProps {
  readonly taskRef: TaskRef;
  readonly form: Parametrization | null;
  readonly initial: ParamsDraft;
  readonly draftSavedAt: string | null;
  readonly can: { readonly complete: boolean; readonly claim: boolean; readonly cancel: boolean; readonly reassign: boolean };
  readonly assigned: boolean;
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
}

/**
 * A task's form, generated with the editor's form components from the node's form (see
 * lib/flow/inbox/form-parametrization.ts), and what the user may do with the task. The server parses
 * the form again; a refusal keeps the task open and shows its message at the field.
 */
export function TaskForm({ taskRef, form, initial, draftSavedAt, can, assigned, candidates }: TaskFormProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { state, dispatch, errors: browserErrors } = useParamsForm(form ?? { layout: {}, computed: {} }, { params: initial, version: 0 });
  const [serverErrors, setServerErrors] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [savedAt, setSavedAt] = useState(draftSavedAt);
  const zone = useTimeZone();
  const [submitted, setSubmitted] = useState(false);
  const [reassignTo, setReassignTo] = useState(candidates[0]?.id ?? "");
  const [pending, startTransition] = useTransition();
  const readOnly = !can.complete;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: [FLOW_QUERY_KEY] });
    router.refresh();
  };

  const run = (action: () => Promise<Result<unknown>>, done: string, after?: () => void) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setServerErrors([]);
        setMessage({ tone: "info", text: done });
        after?.();
      } else {
        setServerErrors(result.failure.fields);
        setMessage({ tone: "error", text: result.failure.message });
      }
      await refresh();
    });

  const complete = () => {
    setSubmitted(true);
    run(
      () => completeTaskAction({ ...taskRef, form: formInput(state.draft) }),
      "Done: the task is complete.",
      () => router.push("/inbox"),
    );
  };

  const errors = [
    ...serverErrors,
    ...(submitted ? browserErrors.filter((error) => !serverErrors.some((server) => server.path === error.path)) : []),
  ];

  return (
    <div className="space-y-4">
      {form && Object.keys(form.layout).length > 0 && (
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <ParamsForm parametrization={form} draft={state.draft} dispatch={dispatch} errors={errors} readOnly={readOnly} />
        </div>
      )}
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`rounded px-3 py-2 text-sm ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
        >
          {message.text}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {can.claim && !assigned && (
          <Button
            disabled={pending}
            onClick={() => run(() => claimTaskAction(taskRef), "The task is yours.")}
            variant="primary-outline"
            size="compact-md"
          >
            Assign to me
          </Button>
        )}
        {can.complete && (
          <>
            {/* Wider and heavier than the buttons beside it: the task's main action. */}
            <button
              type="button"
              disabled={pending}
              onClick={complete}
              className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
            >
              Complete
            </button>
            {form && Object.keys(form.layout).length > 0 && (
              <Button
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await saveTaskDraftAction({ ...taskRef, form: state.draft });
                    if (result.ok) setSavedAt(result.value.savedAt);
                    setMessage(result.ok ? { tone: "info", text: "Draft saved." } : { tone: "error", text: result.failure.message });
                  })
                }
                size="compact-md"
              >
                Save draft
              </Button>
            )}
            {savedAt && <span className="text-xs text-slate-500">Draft saved {formatTime(savedAt, zone)}</span>}
          </>
        )}
        {can.cancel && (
          <Button
            disabled={pending}
            onClick={() => run(() => cancelTaskAction(taskRef), "The task is canceled.")}
            variant="danger-outline"
            size="compact-md"
          >
            Cancel task
          </Button>
        )}
      </div>
      {can.reassign && candidates.length > 0 && (
        <div className="flex items-center gap-2 text-sm">
          <label className="flex items-center gap-2">
            <span className="text-slate-600">Reassign to</span>
            <select
              value={reassignTo}
              onChange={(event) => setReassignTo(event.target.value)}
              className="rounded border border-slate-300 bg-white px-2 py-1"
            >
              {candidates.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </label>
          <Button
            disabled={pending || !reassignTo}
            onClick={() => run(() => reassignTaskAction({ ...taskRef, userId: reassignTo }), "The task is reassigned.")}
            size="compact"
          >
            Reassign
          </Button>
        </div>
      )}
    </div>
  );
}
