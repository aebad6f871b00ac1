import { prepareCall } from "@/lib/controller/dispatch-call";
import { NDJSON, ndjsonLine } from "@/lib/controller/ndjson";
import type { CallKind, CallOptions, CallValue } from "@/lib/controller/run-call";
import { pool } from "@/lib/db/pool";
import type { Actor } from "@/lib/entities/types";
import { failureResponse, resultResponse } from "@/lib/http/respond";
import type { Result } from "@/lib/result";
import { respondWithNewLongCall } from "./respond-with-long-call";

/** A view or button call as a request sends it. */
export interface RequestedCall {
  readonly entityId: string;
  readonly kind: CallKind;
  readonly name: string;
  readonly params: unknown;
  /** The id the browser chose for a long call, so Cancel can name it before any answer came. */
  readonly callId?: string;
}

/**
 * Answers a person's view or button call: prepared by the one dispatcher (the entity with their
 * access, the controller, the method, who may press an action), then a long one is queued for a
 * job worker and followed (lib/calls), a short one runs in the request. Plain JSON, or NDJSON
 * progress lines and the outcome when the client accepts it.
 */
export async function respondToCall(request: Request, actor: Actor, call: RequestedCall): Promise<Response> {
  const prepared = await prepareCall({ actor, entityId: call.entityId }, call);
  if (!prepared.ok) return failureResponse(prepared.failure);
  if (prepared.value.long && call.kind !== "disabled") {
    return respondWithNewLongCall(request, pool, {
      id: call.callId,
      userId: actor.id,
      entityId: call.entityId,
      kind: call.kind,
      name: call.name,
      params: call.params,
    });
  }
  return respondInline(request, (options) => prepared.value.run(options));
}

type RunCall = (options: Pick<CallOptions, "signal" | "onProgress">) => Promise<Result<CallValue>>;

/** At most one progress line per this many ms (a loop may report thousands), the last one always. */
const PROGRESS_EVERY_MS = 50;

/**
 * Runs a call in the request and answers it: plain JSON with its status, or, when the client
 * accepts NDJSON, a stream of progress lines and the outcome last (the status is then 200 whatever
 * the outcome, since it is sent before the call ends). The call's signal fires when the client goes
 * away (request.signal), or when the stream is cancelled, so a superseded or cancelled call stops.
 */
export async function respondInline(request: Request, run: RunCall): Promise<Response> {
  const wantsStream = (request.headers.get("accept") ?? "").includes(NDJSON);
  if (!wantsStream) return resultResponse(await run({ signal: request.signal }));

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
