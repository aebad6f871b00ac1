import type pg from "pg";
import { isConnectionLost, untilReachable } from "@/lib/db/connection-lost";
import { pool } from "@/lib/db/pool";
import { stableHash, stableStringify } from "./stable-hash";

/**
 * VIKTOR's memoize: a pure function's results kept in PostgreSQL by a hash of its name, version and
 * arguments, so every process shares them and they survive restarts (a download and a view calling
 * the same analysis run it once). Concurrent calls with one key compute once: the first takes a
 * session advisory lock on the key and computes, the others read the stored result as soon as it is
 * there (polling, holding no connection). No transaction is open while the function computes, so a
 * database restart meanwhile costs the computation nothing: its result is stored once the database
 * is back, or, failing that, returned unstored. Arguments and results must be JSON.
 */

export interface MemoizeOptions {
  /** Part of the key: two functions must never share a name. */
  readonly name: string;
  /** Raise it when the function's results change; old entries are then never read. Default: 1. */
  readonly version?: number;
  /** Entries older than this are computed again. Default: 7 days. */
  readonly maxAgeSeconds?: number;
  /** How long a caller waits for another's computation before computing for itself. Default: 10 minutes. */
  readonly timeoutSeconds?: number;
  /** @internal The clock, so tests move time instead of sleeping. */
  readonly now?: () => number;
}

/** The store's total bound: least recently used entries go first past it. Default 512 MB. */
export const MEMO_TOTAL_BYTES = Number(process.env.GUSSET_MEMO_MAX_BYTES ?? 512 * 1024 * 1024);

const inflight = new Map<string, Promise<unknown>>();

export function memoize<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, options: MemoizeOptions): (...args: A) => Promise<R> {
  const version = options.version ?? 1;
  const maxAgeMs = (options.maxAgeSeconds ?? 7 * 24 * 3600) * 1000;
  const timeoutMs = (options.timeoutSeconds ?? 600) * 1000;
  const now = options.now ?? Date.now;
  const freshSince = () => new Date(now() - maxAgeMs);

  const memoized = (...args: A): Promise<R> => {
    const key = stableHash({ name: options.name, version, args });
    const running = inflight.get(key);
    // Joined, not owned: the call that started it may be cancelled (its own signal) or fail for its
    // own reasons; this caller then computes for itself rather than inherit that failure.
    if (running) return (running as Promise<R>).catch(() => memoized(...args));
    const call = lookupOrCompute(key, args).finally(() => inflight.delete(key));
    inflight.set(key, call);
    return call;
  };
  return memoized;

  async function lookupOrCompute(key: string, args: A): Promise<R> {
    const giveUpAt = Date.now() + timeoutMs;
    for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
      const hit = await readFresh(key, freshSince());
      if (hit) return hit.value as R;
      const holder = await lockKey(key);
      if (holder) {
        try {
          const again = await readFresh(key, freshSince(), holder.client);
          if (again) return again.value as R;
          return await store(key, await fn(...args), holder);
        } finally {
          await holder.unlock();
        }
      }
      // Another caller (in any process) is computing it; it had long enough, if it is still at it.
      if (Date.now() > giveUpAt) return fn(...args);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async function store(key: string, value: R, holder: Holder): Promise<R> {
    const json = stableStringify(value);
    if (json === undefined) throw new TypeError(`memoize(${options.name}): the result is not JSON.`);
    const insert = (db: Pick<pg.Pool, "query">) => db.query(INSERT, [key, options.name, json, Buffer.byteLength(json)]);
    try {
      await (holder.alive() ? insert(holder.client) : untilReachable(() => insert(pool), 30_000));
      await pruneMemo().catch(() => {});
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      console.error(`[memoize] ${options.name}: computed, not stored (the database was out of reach): ${String(error)}`);
    }
    return JSON.parse(json) as R;
  }
}

const INSERT = `
  INSERT INTO memo_entry (key, name, value, size, "createdAt", "usedAt")
  VALUES ($1, $2, $3::jsonb, $4, now(), now())
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, size = EXCLUDED.size, "createdAt" = now(), "usedAt" = now()`;

type Holder = { readonly client: pg.PoolClient; alive(): boolean; unlock(): Promise<void> };

/** A client of the pool holding the key's session advisory lock, or null when another session holds it. */
async function lockKey(key: string): Promise<Holder | null> {
  const client = await pool.connect();
  let lost = false;
  // A connection lost while held (a restart) drops the lock with it; the computation goes on.
  const onError = () => (lost = true);
  client.on("error", onError);
  const release = () => {
    client.off("error", onError);
    client.release(lost);
  };
  try {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 7311)) AS locked`, [key]);
    if (!rows[0]?.locked) {
      release();
      return null;
    }
  } catch (error) {
    lost = true;
    release();
    throw error;
  }
  return {
    client,
    alive: () => !lost,
    async unlock() {
      if (!lost) await client.query(`SELECT pg_advisory_unlock(hashtextextended($1, 7311))`, [key]).catch(() => (lost = true));
      release();
    },
  };
}

async function readFresh(key: string, since: Date, db: Pick<pg.Pool, "query"> = pool): Promise<{ value: unknown } | null> {
  const { rows } = await db.query<{ value: unknown; usedAt: Date }>(
    `SELECT value, "usedAt" FROM memo_entry WHERE key = $1 AND "createdAt" > $2`,
    [key, since],
  );
  const row = rows[0];
  if (!row) return null;
  // Recency for the size bound; written at most once a minute per entry so a hit stays one read.
  if (Date.now() - row.usedAt.getTime() > 60_000) {
    void pool.query(`UPDATE memo_entry SET "usedAt" = now() WHERE key = $1`, [key]).catch(() => {});
  }
  return { value: row.value };
}

/** Drops the least recently used entries beyond the total bound. */
export async function pruneMemo(bound = MEMO_TOTAL_BYTES): Promise<void> {
  await pool.query(
    `DELETE FROM memo_entry WHERE key IN (
       SELECT key FROM (SELECT key, sum(size) OVER (ORDER BY "usedAt" DESC, key) AS running FROM memo_entry) ranked
        WHERE running > $1)`,
    [bound],
  );
}
