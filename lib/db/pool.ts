import pg from "pg";

/**
 * A plain node-postgres pool beside the Prisma client, for the few paths that
 * move bytes in bulk (storage chunks): pg sends a Buffer as a binary
 * parameter as is, where going through Prisma's query compiler copied each
 * 1 MiB chunk several times (measured: RSS grew ~2 MB per MB streamed).
 */
const globalForPool = globalThis as unknown as { gussetPool?: pg.Pool };

export const pool: pg.Pool =
  globalForPool.gussetPool ?? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.GUSSET_BYTES_POOL ?? 4) });
globalForPool.gussetPool = pool;
