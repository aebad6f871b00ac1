import { listenChannel } from "./listen-channel";

/**
 * Live task changes, for the browser: the workflow runtime sends
 * `pg_notify('gusset_flow', …)` when a change commits (lib/flow/runtime);
 * each Next process keeps ONE listening connection and fans the events out
 * to its subscribers (the SSE route, app/api/events). Reconnects on loss.
 */

export const FLOW_CHANNEL = "gusset_flow";

/** What a subscriber learns: which process of which flow changed. Enough to refetch; no content. */
export interface FlowEvent {
  readonly flow: string;
  readonly process: string;
  /** The id of the transaction that committed the change (lib/events/flow-snapshot.ts), when the payload had one. */
  readonly tx?: string;
}

function parse(payload: string | undefined): FlowEvent | null {
  try {
    const value = JSON.parse(payload ?? "") as { flow?: unknown; process?: unknown; tx?: unknown };
    if (typeof value.flow !== "string" || typeof value.process !== "string") return null;
    return typeof value.tx === "string"
      ? { flow: value.flow, process: value.process, tx: value.tx }
      : { flow: value.flow, process: value.process };
  } catch {
    return null;
  }
}

const flowChannel = listenChannel(FLOW_CHANNEL, parse);

/** Calls `listener` for every flow change until the returned function is called. */
export function subscribeFlowEvents(listener: (event: FlowEvent) => void): Promise<() => void> {
  return flowChannel.subscribe(listener);
}
