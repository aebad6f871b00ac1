import pg from "pg";

/**
 * A plain node-postgres pool beside the Prisma client, for the few paths where
 * Prisma's own work shows: bytes in bulk (storage chunks: pg sends a Buffer as
 * a binary parameter as is, where Prisma's query compiler copied each 1 MiB
 * chunk several times, RSS growing ~2 MB per MB streamed), and the two reads
 * every request makes, the session and an entity's access (0.04–0.07 ms of CPU
 * a statement through pg against 0.12–0.29 ms through Prisma, measured here).
 */
const globalForPool = globalThis as unknown as { gussetPool?: pg.Pool };

export const pool: pg.Pool = globalForPool.gussetPool ?? createPool();
globalForPool.gussetPool = pool;

function createPool(): pg.Pool {
  const created = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.GUSSET_PG_POOL ?? 10) });
  // An idle connection the server ended (a restart, a failover) is dropped by the pool, which then
  // reports it here; unheard, that report would end the process.
  created.on("error", (error) => console.error(`[db] an idle connection was lost: ${error.message}`));
  return created;
}
