import pg from "pg";

/**
 * The one node-postgres pool of a process: every statement of ours, Prisma's (lib/db/client.ts
 * hands it to the driver adapter), the flow runtime's transactions and, in a job worker,
 * graphile-worker's. Before, each of those opened a pool of its own: up to 32 connections a Next
 * process, 30 a worker (docs/deployment.md, Connections). LISTEN takes one more connection of its own
 * (lib/events/listen-channel.ts), since a listening connection cannot go back to a pool.
 *
 * Safe to import anywhere, at any time: the pool connects on its first query, and reads
 * DATABASE_URL then, so a module imported before the launcher has set it (definitions/, which
 * may use memoize or storage at their top) gets the right database.
 */

/** A client connecting to DATABASE_URL as it is when the connection opens. */
class ClientOfDatabaseUrl extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionString: process.env.DATABASE_URL });
  }
}

const globalForPool = globalThis as unknown as { gussetPool?: pg.Pool };

/** Connections at most (GUSSET_DB_POOL, default 10): a worker of concurrency 4 needs 4 × 2 + 2. */
export const POOL_SIZE = Number(process.env.GUSSET_DB_POOL ?? 10);

export const pool: pg.Pool = (globalForPool.gussetPool ??= createPool());

function createPool(): pg.Pool {
  const created = new pg.Pool({
    Client: ClientOfDatabaseUrl,
    max: POOL_SIZE,
    // A lock wait over 30 s answers busy (flow runtime) rather than hanging; a transaction left idle
    // for a minute (a crashed caller) is ended by the server rather than holding its locks.
    lock_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: process.env.GUSSET_PROCESS_NAME ?? "gusset",
  });
  // A connection the server ended (a restart, a failover) reports it as an 'error' event: the pool
  // hears it on idle clients, this on checked-out ones (the query in flight fails on its own);
  // unheard, either would end the process.
  created.on("error", (error) => console.error(`[db] an idle connection was lost: ${error.message}`));
  created.on("connect", (client) => client.on("error", (error) => console.error(`[db] a connection in use was lost: ${error.message}`)));
  return created;
}
