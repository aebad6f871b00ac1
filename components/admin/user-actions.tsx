"use client";

import { useActionState } from "react";
import { endSessionsAction, setDisabledAction, type AdminActionState } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";

export function UserActions({ userId, name, disabled, self }: { userId: string; name: string; disabled: boolean; self: boolean }) {
  const [disableState, disableAction, disabling] = useActionState<AdminActionState, FormData>(setDisabledAction, null);
  const [endState, endAction, ending] = useActionState<AdminActionState, FormData>(endSessionsAction, null);
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
