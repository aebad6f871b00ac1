import type { ButtonResult } from "@/lib/controller/buttons";
import type { CallOutcome } from "@/lib/controller/call-view";
import { NDJSON } from "@/lib/controller/ndjson";
import { cancelCallOnAbort, newCallId, readCallStream } from "@/components/views/read-call-stream";

export type ButtonOutcome = CallOutcome<ButtonResult>;

export function buttonUrl(entityId: string, button: string): string {
  return `/api/entities/${encodeURIComponent(entityId)}/buttons/${encodeURIComponent(button)}`;
}

/**
 * Presses one button over HTTP (`POST /api/entities/:id/buttons/:button`) on the form's params.
 * With `onProgress` it asks for the NDJSON progress stream (long buttons). Answers the outcome,
 * a failure included; throws an Error for an answer that is not one, and the fetch's AbortError
 * when `signal` aborts (Cancel).
 */
export async function fetchButton(entityId: string, button: string, params: unknown, options: { signal?: AbortSignal; onProgress?: (fraction: number, message?: string) => void } = {}): Promise<ButtonOutcome> {
  // A long button runs in the job queue: it gets an id here, so Cancel can name it at once.
  const callId = options.onProgress ? newCallId() : undefined;
  const release = callId ? cancelCallOnAbort(callId, options.signal) : () => {};
  try {
    const response = await fetch(buttonUrl(entityId, button), {
      method: "POST",
      headers: { "content-type": "application/json", accept: callId ? NDJSON : "application/json" },
      body: JSON.stringify(callId ? { params, callId } : { params }),
      signal: options.signal,
    });
    const type = response.headers.get("content-type") ?? "";
    if (type.includes(NDJSON) && response.body) return (await readCallStream(response.body, options, "The button's answer ended before its result.")) as ButtonOutcome;
    const body = (await response.json().catch(() => ({}))) as Partial<ButtonOutcome> & { error?: string };
    if (typeof body.ok !== "boolean") throw new Error(body.error ?? `The server answered ${response.status}.`);
    return body as ButtonOutcome;
  } finally {
    release();
  }
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
