import { isCallLine, isOutcomeLine, NDJSON, ndjsonSplitter, type OutcomeLine } from "@/lib/controller/ndjson";
import type { Api } from "@/lib/http/api";
import { readResult } from "@/lib/http/fetch-api";
import type { Result } from "@/lib/result";

export interface ReadCallStreamOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message?: string) => void;
}

/** Attempts to follow a call again after its stream broke, before giving up. */
const REATTACH_ATTEMPTS = 6;

/** The URL that follows a call run by a job worker (GET), and cancels it (POST …/cancel). */
export function callUrl(callId: string): string {
  return `/api/calls/${encodeURIComponent(callId)}`;
}

/**
 * A new call id (a UUID v4), chosen by the browser and sent with the POST, so that Cancel can name
 * the call even before any answer came. From getRandomValues: `crypto.randomUUID` exists only on
 * https and localhost.
 */
export function newCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Until the returned function is called, `signal` aborting (Cancel, a newer run) sends the call's
 * cancel: the server does not take a closed stream for one, since a broken stream is followed again.
 * For a call the server ran in the request there is no such call, and the cancel answers 404.
 */
export function cancelCallOnAbort(callId: string, signal: AbortSignal | undefined): () => void {
  const cancel = () => void fetch(`${callUrl(callId)}/cancel`, { method: "POST", keepalive: true }).catch(() => {});
  signal?.addEventListener("abort", cancel, { once: true });
  return () => signal?.removeEventListener("abort", cancel);
}

/**
 * Posts one view or button call (`url`) on the form's params, the browser's way. With `onProgress`
 * it asks for the NDJSON progress stream (a slow view, a long button: run by a job worker, so it
 * gets its id here and Cancel can name it at once). Answers the outcome, a failure included (an
 * answer that is not an outcome reads as an internal failure); throws the fetch's AbortError when
 * `signal` aborts.
 */
export async function postCall<K extends "view-call" | "button-call">(
  route: K,
  url: string,
  body: Record<string, unknown>,
  options: ReadCallStreamOptions,
  ended: string,
): Promise<Result<Api[K]>> {
  const callId = options.onProgress ? newCallId() : undefined;
  const release = callId ? cancelCallOnAbort(callId, options.signal) : () => {};
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: callId ? NDJSON : "application/json" },
      body: JSON.stringify(callId ? { ...body, callId } : body),
      signal: options.signal,
    });
    const type = response.headers.get("content-type") ?? "";
    // The outcome line is the route's Result (lib/http/api.ts names its value).
    if (type.includes(NDJSON) && response.body) return (await readCallStream(response.body, options, ended)) as Result<Api[K]>;
    return await readResult<Api[K]>(response);
  } finally {
    release();
  }
}

/**
 * Reads an NDJSON call stream (lib/controller/ndjson.ts) to its outcome, reporting progress. When
 * the stream names its call (a call run by a job worker), a stream that breaks or ends early is
 * followed again at `GET /api/calls/:id`, which starts from the call's current state. Throws
 * `ended` when there is no outcome and no call to follow.
 */
export async function readCallStream(
  body: ReadableStream<Uint8Array>,
  options: ReadCallStreamOptions,
  ended: string,
): Promise<OutcomeLine> {
  let callId: string | null = null;
  let stream: ReadableStream<Uint8Array> | null = body;
  for (let attempt = 0; ; attempt++) {
    if (stream) {
      try {
        const outcome = await readOnce(stream, options.onProgress, (id) => (callId = id));
        if (outcome) return outcome;
      } catch (error) {
        if (options.signal?.aborted || !callId) throw error;
      }
    }
    if (!callId) throw new Error(ended);
    if (attempt >= REATTACH_ATTEMPTS) throw new Error(`${ended} Following it again failed ${REATTACH_ATTEMPTS} times.`);
    // The stream broke: follow the call again, after a short pause that grows.
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    options.signal?.throwIfAborted();
    stream = await fetch(callUrl(callId), { headers: { accept: NDJSON }, signal: options.signal })
      .then((response) => (response.ok && response.body ? response.body : null))
      .catch((error: unknown) => {
        if (options.signal?.aborted) throw error;
        return null;
      });
  }
}

/** One stream to its outcome, or null when it ended without one. */
async function readOnce(
  body: ReadableStream<Uint8Array>,
  onProgress: ReadCallStreamOptions["onProgress"],
  onCall: (id: string) => void,
): Promise<OutcomeLine | null> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = ndjsonSplitter();
  for (;;) {
    const { value, done } = await reader.read();
    const lines = done ? splitter.end() : splitter.push(decoder.decode(value, { stream: true }));
    for (const line of lines) {
      if (isOutcomeLine(line)) {
        // The outcome is the last line: read on to the end, so the request completes rather than
        // being cut off (which the server would see as the client going away).
        while (!done && !(await reader.read()).done);
        return line;
      }
      if (isCallLine(line)) onCall(line.call);
      else onProgress?.(line.progress, line.message);
    }
    if (done) return null;
  }
}
