import { EventEmitter } from "node:events";
import pg from "pg";

/**
 * One LISTEN connection per Next process for a NOTIFY channel, fanned out to its subscribers;
 * opened by the first subscriber, closed after the last, reconnecting after loss (with backoff).
 * `parse` turns a payload into an event, or null to drop it.
 */
export function listenChannel<E>(
  channel: string,
  parse: (payload: string | undefined) => E | null,
): { subscribe(listener: (event: E) => void): Promise<() => void> } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retryMs = 500;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
    next.on("notification", (message) => {
      const event = parse(message.payload);
      if (event !== null) emitter.emit("event", event);
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
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

  return {
    /** Calls `listener` for every event until the returned function is called. */
    async subscribe(listener) {
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
    },
  };
}
