import { EventEmitter } from "node:events";
import pg from "pg";

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

const emitter = new EventEmitter();
emitter.setMaxListeners(0);
let client: pg.Client | null = null;
let connecting: Promise<void> | null = null;
let retryMs = 500;

function parse(payload: string | undefined): FlowEvent | null {
  try {
    const value = JSON.parse(payload ?? "") as { flow?: unknown; process?: unknown; tx?: unknown };
    if (typeof value.flow !== "string" || typeof value.process !== "string") return null;
    return typeof value.tx === "string" ? { flow: value.flow, process: value.process, tx: value.tx } : { flow: value.flow, process: value.process };
  } catch {
    return null;
  }
}

async function connect(): Promise<void> {
  const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
  next.on("notification", (message) => {
    const event = parse(message.payload);
    if (event) emitter.emit("event", event);
  });
  next.on("error", () => reconnect(next));
  next.on("end", () => reconnect(next));
  await next.connect();
  await next.query(`LISTEN ${FLOW_CHANNEL}`);
  client = next;
  retryMs = 500;
}

function reconnect(lost: pg.Client): void {
  if (client !== lost) return;
  client = null;
  lost.removeAllListeners();
  lost.end().catch(() => {});
  if (emitter.listenerCount("event") === 0) return;
  setTimeout(() => void ensureListening().catch(() => reconnect(lost)), retryMs).unref();
  retryMs = Math.min(retryMs * 2, 10_000);
}

function ensureListening(): Promise<void> {
  if (client) return Promise.resolve();
  connecting ??= connect().finally(() => (connecting = null));
  return connecting;
}

/** Calls `listener` for every flow change until the returned function is called. */
export async function subscribeFlowEvents(listener: (event: FlowEvent) => void): Promise<() => void> {
  emitter.on("event", listener);
  try {
    await ensureListening();
  } catch (error) {
    emitter.off("event", listener);
    throw error;
  }
  return () => {
    emitter.off("event", listener);
    if (emitter.listenerCount("event") === 0 && client) {
      const idle = client;
      client = null;
      idle.removeAllListeners();
      void idle.end().catch(() => {});
    }
  };
}
