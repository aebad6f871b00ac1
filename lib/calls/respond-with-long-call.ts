import type pg from "pg";
import { isOutcomeLine, NDJSON, ndjsonLine } from "@/lib/controller/ndjson";
import { failureResponse, resultResponse } from "@/lib/http/respond";
import { followLongCall } from "./follow-long-call";
import { requestCallCancel } from "./request-call-cancel";
import { startLongCall, type StartLongCall } from "./start-long-call";

/**
 * Starts a long call for a request and answers with its progress, or the refusal of a call past the
 * user's limit (start-long-call.ts) as JSON. A client that went away while
 * the call was being queued (Cancel clicked at once) has its call cancelled: its cancel request
 * may have arrived before the row existed.
 */
export async function respondWithNewLongCall(request: Request, db: pg.Pool, call: StartLongCall): Promise<Response> {
  const started = await startLongCall(db, call);
  if (!started.ok) return failureResponse(started.failure);
  const callId = started.value;
  if (request.signal.aborted) await requestCallCancel(db, call.userId, callId);
  return respondWithLongCall(request, db, call.userId, callId);
}

/**
 * Answers a request with a long call's progress: the same NDJSON contract as a call run inside
 * the request (respond-to-call.ts), with the call's id first. The stream
 * ending (the client went away, a proxy cut it) does not cancel the call: the client knows its id
 * and may follow it again; the browser cancels explicitly (`POST /api/calls/:id/cancel`). A client
 * asking for plain JSON waits for the outcome and cannot follow again, so its going away cancels.
 */
export async function respondWithLongCall(request: Request, db: Pick<pg.Pool, "query">, userId: string, callId: string): Promise<Response> {
  const wantsStream = (request.headers.get("accept") ?? "").includes(NDJSON);
  if (!wantsStream) {
    const onAbort = () => void requestCallCancel(db, userId, callId).catch(() => {});
    request.signal.addEventListener("abort", onAbort);
    try {
      for await (const line of followLongCall(db, userId, callId, { signal: request.signal })) {
        if (isOutcomeLine(line)) return resultResponse(line);
      }
      return failureResponse({ code: "cancelled", message: "Cancelled.", fields: [] });
    } finally {
      request.signal.removeEventListener("abort", onAbort);
    }
  }

  const stop = new AbortController();
  const signal = AbortSignal.any([request.signal, stop.signal]);
  const encoder = new TextEncoder();
  const lines = followLongCall(db, userId, callId, { signal });
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const next = await lines.next();
        if (next.done) stream.close();
        else stream.enqueue(encoder.encode(ndjsonLine(next.value)));
      } catch (error) {
        stream.error(error);
      }
    },
    async cancel() {
      stop.abort();
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": `${NDJSON}; charset=utf-8`, "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}
