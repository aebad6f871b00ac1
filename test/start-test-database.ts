import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseUrl, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { migrateQueue } from "@/lib/jobs/migrate-queue";

/**
 * Vitest global setup for the integration project: one PostgreSQL server for
 * the run (embedded, or the one DATABASE_URL names) and a migrated template
 * database (our migrations plus the job queue's schema) that every test file
 * clones (test/database.ts).
 */

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  const dataDir = path.join(process.cwd(), ".data", `test-${process.pid}`);
  if (!serverUrl) {
    embedded = await startEmbeddedDatabase(dataDir);
    serverUrl = embedded.serverUrl;
  }
  const templateDatabase = `gusset_template_${process.pid}`;
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin(serverUrl, `CREATE DATABASE ${templateDatabase}`);
  await migrate(databaseUrl(serverUrl, templateDatabase));
  // The job queue's schema too, so every test database has it (lib/jobs).
  await migrateQueue(databaseUrl(serverUrl, templateDatabase));

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    if (embedded) {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
