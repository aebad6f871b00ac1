import type { CallOptions, CallOutcome } from "./call-view";
import type { CallFailure } from "./errors";
import { NDJSON, ndjsonLine } from "./ndjson";

/**
 * How a view call is answered over HTTP. One status per failure kind, so a
 * proxy log tells them apart; the body always says `{ ok, … }`.
 */
export const statusOfFailure: Record<CallFailure["kind"], number> = {
  user: 422,
  input: 422,
  not_found: 404,
  // nginx's "client closed request": the caller went away, nobody reads this.
  cancelled: 499,
  internal: 500,
};

type RunCall = (options: Pick<CallOptions, "signal" | "onProgress">) => Promise<CallOutcome>;

/** At most one progress line per this many ms (a loop may report thousands), the last one always. */
const PROGRESS_EVERY_MS = 50;

/**
 * Runs a view call for a request and answers it: plain JSON, or, when the
 * client accepts NDJSON, a stream of progress lines and the outcome last (the
 * status is then 200 whatever the outcome, since it is sent before the call
 * ends). The call's signal fires when the client goes away (request.signal),
 * or when the stream is cancelled, so a superseded or cancelled call stops.
 */
export async function respondToViewCall(request: Request, run: RunCall): Promise<Response> {
  const wantsStream = (request.headers.get("accept") ?? "").includes(NDJSON);
  if (!wantsStream) {
    const outcome = await run({ signal: request.signal });
    return Response.json(outcome, { status: outcome.ok ? 200 : statusOfFailure[outcome.failure.kind] });
  }

  const stop = new AbortController();
  const signal = AbortSignal.any([request.signal, stop.signal]);
  const encoder = new TextEncoder();
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    start(stream) {
      let lastSent = 0;
      let pending: { progress: number; message?: string } | null = null;
      const send = (line: Parameters<typeof ndjsonLine>[0]) => {
        if (closed) return;
        try {
          stream.enqueue(encoder.encode(ndjsonLine(line)));
        } catch {
          closed = true; // the reader went away between our check and the write
        }
      };
      const onProgress = (progress: number, message?: string) => {
        pending = message === undefined ? { progress } : { progress, message };
        const now = Date.now();
        if (now - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = now;
          send(pending);
          pending = null;
        }
      };
      void run({ signal, onProgress }).then((outcome) => {
        if (pending) send(pending);
        send(outcome);
        if (!closed) {
          closed = true;
          stream.close();
        }
      });
    },
    cancel() {
      closed = true;
      stop.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": `${NDJSON}; charset=utf-8`, "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}
