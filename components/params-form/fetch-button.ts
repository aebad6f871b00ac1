import { postCall, type ReadCallStreamOptions } from "@/components/views/read-call-stream";
import type { Api } from "@/lib/http/api";
import { fetchApi } from "@/lib/http/fetch-api";
import type { Result } from "@/lib/result";

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
): Promise<Result<Api["button-call"]>> {
  return postCall("button-call", buttonUrl(entityId, button), { params }, options, "The button's answer ended before its result.");
}

/** Asks the server whether a button is disabled for these params, and why. */
export async function fetchDisabledReason(entityId: string, button: string, params: unknown, signal?: AbortSignal): Promise<string | null> {
  const answer = await fetchApi("button-check", buttonUrl(entityId, button), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ params, check: true }),
    signal,
  });
  return answer.ok ? answer.value.disabled : "This button is not available.";
}
