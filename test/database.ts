import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

/**
 * Runs before each integration test file: clones the migrated template into a
 * database of the file's own and points DATABASE_URL at it, so files run in
 * parallel and leave nothing behind. The pool reads DATABASE_URL when it connects.
 */

const serverUrl = inject("serverUrl");
const database = `gusset_test_${randomBytes(6).toString("hex")}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
const url = new URL(serverUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
/** The server's maintenance database, for tests that create databases of their own. */
process.env.TEST_SERVER_URL = serverUrl;

afterAll(async () => {
  // The process's one pool (Prisma's too), before its database goes; a file may have ended it already.
  const { pool } = await import("@/lib/db/pool");
  if (!pool.ended) await pool.end();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});
