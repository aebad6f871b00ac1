import { rm } from "node:fs/promises";
import os from "node:os";
import { databaseUrl, ensureDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

/**
 * A migrated database for a benchmark: on the server DATABASE_URL names, or
 * on an embedded PostgreSQL in .data/bench-<name> that is removed afterwards.
 * Sets DATABASE_URL, so import modules that use the Prisma client after this.
 */
export async function benchDatabase(name: string): Promise<{ url: string; serverUrl: string; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    await migrate(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, serverUrl: process.env.DATABASE_URL, close: async () => {} };
  }
  const dir = `.data/bench-${name}`;
  await rm(dir, { recursive: true, force: true });
  const server = await startEmbeddedDatabase(dir);
  await ensureDatabase(server.serverUrl, "bench");
  const url = databaseUrl(server.serverUrl, "bench");
  await migrate(url);
  process.env.DATABASE_URL = url;
  return {
    url,
    serverUrl: server.serverUrl,
    close: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function machine(): string {
  return `${os.cpus().length}× ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}
