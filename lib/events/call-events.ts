import { CALL_CHANNEL, callEventSchema, type CallEvent } from "@/lib/calls/long-call";
import { listenChannel } from "./listen-channel";

/**
 * Changes of long calls (lib/calls), as the worker sends them: `pg_notify('gusset_call', …)`.
 * One listening connection per Next process, shared by every follower of every call; a follower
 * filters by the call's id, after the row read has checked that the call is its user's.
 */
function parse(payload: string | undefined): CallEvent | null {
  try {
    const parsed = callEventSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const callChannel = listenChannel(CALL_CHANNEL, parse);

/** Calls `listener` for every change of any call until the returned function is called. */
export function subscribeCallEvents(listener: (event: CallEvent) => void): Promise<() => void> {
  return callChannel.subscribe(listener);
}
