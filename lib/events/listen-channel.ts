import { EventEmitter } from "node:events";
import pg from "pg";

/**
 * One LISTEN connection per process for every NOTIFY channel (flow events, call events), fanned out
 * to the channels' subscribers: opened by the first subscriber, closed after the last, reconnecting
 * after loss (with backoff) and listening again to every channel that still has subscribers. It
 * cannot come from the pool (lib/db/pool.ts): a listening connection is never free to hand out.
 * `parse` turns a payload into an event, or null to drop it.
 */
export function listenChannel<E>(
  channel: string,
  parse: (payload: string | undefined) => E | null,
): { subscribe(listener: (event: E) => void): Promise<() => void> } {
  return {
    /** Calls `listener` for every event until the returned function is called. */
    async subscribe(listener) {
      const onPayload = (payload: string | undefined) => {
        const event = parse(payload);
        if (event !== null) listener(event);
      };
      listener_.emitter.on(channel, onPayload);
      try {
        await listener_.ensureListening(channel);
      } catch (error) {
        listener_.emitter.off(channel, onPayload);
        throw error;
      }
      return () => {
        listener_.emitter.off(channel, onPayload);
        listener_.release(channel);
      };
    },
  };
}

class Listener {
  readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly listening = new Set<string>();
  private retryMs = 500;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  private channels(): string[] {
    return this.emitter.eventNames().filter((name): name is string => typeof name === "string" && this.emitter.listenerCount(name) > 0);
  }

  async ensureListening(channel: string): Promise<void> {
    const client = await this.connected();
    if (!this.listening.has(channel)) {
      await client.query(`LISTEN ${quote(channel)}`);
      this.listening.add(channel);
    }
  }

  /** The last subscriber of `channel` left: stop listening to it, and close when nothing is listened to. */
  release(channel: string): void {
    if (this.emitter.listenerCount(channel) > 0 || !this.client) return;
    this.listening.delete(channel);
    if (this.channels().length === 0) {
      const idle = this.client;
      this.client = null;
      this.listening.clear();
      idle.removeAllListeners();
      void idle.end().catch(() => {});
    } else {
      void this.client.query(`UNLISTEN ${quote(channel)}`).catch(() => {});
    }
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const next = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      application_name: `${process.env.GUSSET_PROCESS_NAME ?? "gusset"}-listen`,
    });
    next.on("notification", (message) => this.emitter.emit(message.channel, message.payload));
    next.on("error", () => this.lost(next));
    next.on("end", () => this.lost(next));
    await next.connect();
    this.client = next;
    this.listening.clear();
    this.retryMs = 500;
    return next;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening.clear();
    client.removeAllListeners();
    client.end().catch(() => {});
    if (this.channels().length === 0) return;
    setTimeout(() => void this.relisten().catch(() => this.lostConnecting()), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }

  private lostConnecting(): void {
    setTimeout(() => void this.relisten().catch(() => this.lostConnecting()), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }

  private async relisten(): Promise<void> {
    for (const channel of this.channels()) await this.ensureListening(channel);
  }
}

/** Channel names are our constants; quoted all the same. */
function quote(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}

const globalForListener = globalThis as unknown as { gussetListener?: Listener };
const listener_ = (globalForListener.gussetListener ??= new Listener());
