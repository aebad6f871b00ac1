import type pg from "pg";
import { subscribeCallEvents } from "@/lib/events/call-events";
import type { StreamLine } from "@/lib/controller/ndjson";
import { FINISHED_STATUSES, WAITING_MESSAGE, type CallEvent } from "./long-call";
import { readLongCall } from "./read-long-call";

export interface FollowOptions {
  /** Stops following (the client went away); the call itself goes on. */
  readonly signal?: AbortSignal;
  /** Where change events come from. Default: this process's LISTEN connection. */
  readonly subscribe?: (listener: (event: CallEvent) => void) => Promise<() => void>;
  /** Reads the row again after this long without an event (a lost NOTIFY, a reconnecting listener). Default: 2 s. */
  readonly pollMs?: number;
}

export const CALL_NOT_FOUND = {
  ok: false,
  failure: { code: "not_found", message: "There is no such call, or it is not yours.", fields: [] },
} as const;

/**
 * A call's lines as a client sees them: its id, its current progress (read from the row, so a
 * client attaching late or again starts from the truth), each change the worker announces, and the
 * outcome last. Another user's call reads as not found. Ends early, without an outcome, when
 * `signal` aborts.
 */
export async function* followLongCall(
  db: Pick<pg.Pool, "query">,
  userId: string,
  callId: string,
  options: FollowOptions = {},
): AsyncGenerator<StreamLine> {
  const { signal, subscribe = subscribeCallEvents, pollMs = 2_000 } = options;
  const events: CallEvent[] = [];
  let wake: (() => void) | null = null;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  // Subscribe before the first read, so no change falls between the two.
  const unsubscribe = await subscribe((event) => {
    if (event.id !== callId) return;
    events.push(event);
    nudge();
  });
  signal?.addEventListener("abort", nudge);
  try {
    let state = await readLongCall(db, userId, callId);
    if (!state) {
      yield CALL_NOT_FOUND;
      return;
    }
    yield { call: callId };
    let last = "";
    const progressLine = (progress: number, message: string | null, status: string) => {
      const line = { progress, message: message ?? (status === "queued" ? WAITING_MESSAGE : undefined) };
      const key = JSON.stringify(line);
      if (key === last) return null;
      last = key;
      return line.message === undefined ? { progress } : { progress, message: line.message };
    };
    for (;;) {
      if (state.outcome) {
        yield state.outcome as StreamLine;
        return;
      }
      const line = progressLine(state.progress, state.message, state.status);
      if (line) yield line;
      // Wait for events, or the poll.
      while (events.length === 0 && !signal?.aborted) {
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        if (timedOut) break;
      }
      if (signal?.aborted) return;
      const batch = events.splice(0);
      const finished = batch.some((event) => FINISHED_STATUSES.includes(event.status));
      if (batch.length > 0 && !finished) {
        // Progress comes in the events themselves: no read needed.
        for (const event of batch) {
          const next = progressLine(event.progress, event.message, event.status);
          if (next) yield next;
        }
        const latest = batch.at(-1)!;
        state = { ...state, status: latest.status, progress: latest.progress, message: latest.message };
        continue;
      }
      const fresh = await readLongCall(db, userId, callId);
      if (!fresh) {
        yield CALL_NOT_FOUND;
        return;
      }
      state = fresh;
    }
  } finally {
    signal?.removeEventListener("abort", nudge);
    unsubscribe();
  }
}
