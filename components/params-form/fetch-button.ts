import type { ButtonResult } from "@/lib/controller/buttons";
import type { CallOutcome } from "@/lib/controller/call-view";
import { postCall, type ReadCallStreamOptions } from "@/components/views/read-call-stream";

export type ButtonOutcome = CallOutcome<ButtonResult>;

export function buttonUrl(entityId: string, button: string): string {
  return `/api/entities/${encodeURIComponent(entityId)}/buttons/${encodeURIComponent(button)}`;
}

/**
 * Presses one button over HTTP (`POST /api/entities/:id/buttons/:button`) on the form's params; with
 * `onProgress`, a long button's progress stream (see postCall).
 */
export async function fetchButton(
  entityId: string,
  button: string,
  params: unknown,
  options: ReadCallStreamOptions = {},
): Promise<ButtonOutcome> {
  return (await postCall(
    buttonUrl(entityId, button),
    { params },
    options,
    "The button's answer ended before its result.",
  )) as ButtonOutcome;
}

/** Asks the server whether a button is disabled for these params, and why. */
export async function fetchDisabledReason(entityId: string, button: string, params: unknown, signal?: AbortSignal): Promise<string | null> {
  const response = await fetch(buttonUrl(entityId, button), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ params, check: true }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as { ok?: boolean; disabled?: string | null };
  return body.ok ? (body.disabled ?? null) : "This button is not available.";
}
