import type { CallOutcome } from "@/lib/controller/call-view";
import { NDJSON } from "@/lib/controller/ndjson";
import { cancelCallOnAbort, newCallId, readCallStream } from "./read-call-stream";

export interface FetchViewOptions {
  /** Aborts the request; the server's call sees it through request.signal and stops. */
  readonly signal?: AbortSignal;
  /** Asks for a progress stream (slow views) and reports each line. */
  readonly onProgress?: (fraction: number, message?: string) => void;
}

/** Thrown for an answer that is not a view outcome: signed out, refused, a proxy's error page. */
export class ViewRequestError extends Error {
  override name = "ViewRequestError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The URL of one view call. */
export function viewUrl(entityId: string, view: string): string {
  return `/api/entities/${encodeURIComponent(entityId)}/views/${encodeURIComponent(view)}`;
}

/**
 * Runs one view of an entity on the given params over HTTP, the browser's way
 * (`POST /api/entities/:id/views/:view`). Answers the call's outcome, a
 * failure included; throws a ViewRequestError when the answer is not one, and
 * the fetch's AbortError when `signal` aborts.
 */
export async function fetchView(entityId: string, view: string, params: unknown, options: FetchViewOptions = {}): Promise<CallOutcome> {
  // A progress stream may be a call run by a job worker: it gets an id here, so Cancel can name it.
  const callId = options.onProgress ? newCallId() : undefined;
  const release = callId ? cancelCallOnAbort(callId, options.signal) : () => {};
  try {
    return await postView(entityId, view, params, options, callId);
  } finally {
    release();
  }
}

async function postView(entityId: string, view: string, params: unknown, options: FetchViewOptions, callId: string | undefined): Promise<CallOutcome> {
  const response = await fetch(viewUrl(entityId, view), {
    method: "POST",
    headers: { "content-type": "application/json", accept: callId ? NDJSON : "application/json" },
    body: JSON.stringify(callId ? { params, callId } : { params }),
    signal: options.signal,
  });
  const type = response.headers.get("content-type") ?? "";
  if (type.includes(NDJSON) && response.body) return (await readCallStream(response.body, options, "The view's answer ended before its result.")) as CallOutcome;
  if (!type.includes("application/json")) throw new ViewRequestError(`The server answered ${response.status} ${response.statusText}.`, response.status);
  const body = (await response.json()) as Partial<CallOutcome> & { error?: string };
  if (typeof body.ok !== "boolean") throw new ViewRequestError(body.error ?? `The server answered ${response.status}.`, response.status);
  return body as CallOutcome;
}
