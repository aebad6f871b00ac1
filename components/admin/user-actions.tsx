"use client";

import { useActionState } from "react";
import { endSessionsAction, setDisabledAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";

type Said = { readonly ok: boolean; readonly message: string } | null;

/** What an action's result says to the admin. */
async function said(answer: ReturnType<typeof endSessionsAction>): Promise<Said> {
  const result = await answer;
  return result.ok ? { ok: true, message: result.value.message } : { ok: false, message: result.failure.message };
}

export function UserActions({ userId, name, disabled, self }: { userId: string; name: string; disabled: boolean; self: boolean }) {
  const [disableState, disableAction, disabling] = useActionState<Said, FormData>((_, form) => said(setDisabledAction(form)), null);
  const [endState, endAction, ending] = useActionState<Said, FormData>((_, form) => said(endSessionsAction(form)), null);
  const state = endState ?? disableState;
  return (
    <div className="flex items-center justify-end gap-2">
      {state && (
        <span role="status" className={state.ok ? "text-xs text-green-700" : "text-xs text-red-700"}>
          {state.message}
        </span>
      )}
      <form action={endAction}>
        <input type="hidden" name="userId" value={userId} />
        <Button type="submit" disabled={ending} aria-label={`End sessions of ${name}`} size="compact-xs">
          End sessions
        </Button>
      </form>
      {!self && (
        <form action={disableAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
          <Button type="submit" disabled={disabling} aria-label={`${disabled ? "Enable" : "Disable"} ${name}`} size="compact-xs">
            {disabled ? "Enable" : "Disable"}
          </Button>
        </form>
      )}
    </div>
  );
}
