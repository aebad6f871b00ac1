import { Logger, runMigrations } from "graphile-worker";

/**
 * Creates or updates the job queue's own schema (`graphile_worker`). Run after
 * our migrator by the launcher, the worker and the test setup. Its first run on
 * an empty database makes PostgreSQL log a harmless `relation
 * "graphile_worker.migrations" does not exist` (shared/notes/integration.md, trap 8).
 */
export async function migrateQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: silentLogger });
}

/** graphile-worker logs one INFO line per job; we keep its warnings and errors on stderr. */
export const silentLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker] ${level}: ${message}`);
});
