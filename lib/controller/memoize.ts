import { db } from "@/lib/db/client";
import { stableHash, stableStringify } from "./stable-hash";

/**
 * VIKTOR's memoize: a pure function's results kept in PostgreSQL by a hash of
 * its name, version and arguments, so every process shares them and they
 * survive restarts (a download and a view calling the same analysis run it
 * once). Concurrent calls with one key compute once: the first takes a
 * transaction-scoped advisory lock on the key, the others wait on it and then
 * read the stored result. Arguments and results must be JSON.
 */

export interface MemoizeOptions {
  /** Part of the key: two functions must never share a name. */
  readonly name: string;
  /** Raise it when the function's results change; old entries are then never read. Default: 1. */
  readonly version?: number;
  /** Entries older than this are computed again. Default: 7 days. */
  readonly maxAgeSeconds?: number;
  /** How long one computation may hold its key. Default: 10 minutes. */
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
  const timeout = (options.timeoutSeconds ?? 600) * 1000;
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
    const hit = await readFresh(key, freshSince());
    if (hit) return hit.value as R;
    return db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 7311))`;
        const [again] = await tx.$queryRaw<{ value: unknown }[]>`
          SELECT value FROM memo_entry WHERE key = ${key} AND "createdAt" > ${freshSince()}`;
        if (again) return again.value as R;
        const value = await fn(...args);
        const json = stableStringify(value);
        if (json === undefined) throw new TypeError(`memoize(${options.name}): the result is not JSON.`);
        await tx.$executeRaw`
          INSERT INTO memo_entry (key, name, value, size, "createdAt", "usedAt")
          VALUES (${key}, ${options.name}, ${json}::jsonb, ${Buffer.byteLength(json)}, now(), now())
          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, size = EXCLUDED.size, "createdAt" = now(), "usedAt" = now()`;
        await pruneMemo(tx);
        return JSON.parse(json) as R;
      },
      { timeout, maxWait: timeout },
    );
  }
}

async function readFresh(key: string, since: Date): Promise<{ value: unknown } | null> {
  const rows = await db.$queryRaw<{ value: unknown; usedAt: Date }[]>`
    SELECT value, "usedAt" FROM memo_entry WHERE key = ${key} AND "createdAt" > ${since}`;
  const row = rows[0];
  if (!row) return null;
  // Recency for the size bound; written at most once a minute per entry so a hit stays one read.
  if (Date.now() - row.usedAt.getTime() > 60_000) {
    void db.$executeRaw`UPDATE memo_entry SET "usedAt" = now() WHERE key = ${key}`.catch(() => {});
  }
  return { value: row.value };
}

type Executor = Pick<typeof db, "$executeRaw">;

/** Drops the least recently used entries beyond the total bound. */
export async function pruneMemo(executor: Executor = db, bound = MEMO_TOTAL_BYTES): Promise<void> {
  await executor.$executeRaw`
    DELETE FROM memo_entry WHERE key IN (
      SELECT key FROM (SELECT key, sum(size) OVER (ORDER BY "usedAt" DESC, key) AS running FROM memo_entry) ranked
      WHERE running > ${bound})`;
}
