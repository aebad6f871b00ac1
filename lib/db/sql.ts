import type pg from "pg";
import sql, { empty, join, raw, type Sql } from "sql-template-tag";

/**
 * The one way raw SQL runs: node-postgres on the process's pool (lib/db/pool.ts) or on one
 * transaction's client. A statement is a named constant with positional parameters, or, where it
 * is composed (filters, lists), a `sql` tagged template (sql-template-tag builds the `$n` text and
 * its values). Each statement's rows are typed where the statement is written, once.
 */
export { empty, join, raw, sql, type Sql };

/** What statements run on: the pool, or one transaction's client. */
export type Queryable = Pick<pg.Pool, "query">;

/** The rows of a statement. */
export async function rowsOf<Row extends pg.QueryResultRow>(db: Queryable, statement: Sql | string, values?: unknown[]): Promise<Row[]> {
  const result = typeof statement === "string" ? await db.query<Row>(statement, values) : await db.query<Row>(statement);
  return result.rows;
}

/** The first row of a statement, or null. */
export async function rowOf<Row extends pg.QueryResultRow>(
  db: Queryable,
  statement: Sql | string,
  values?: unknown[],
): Promise<Row | null> {
  return (await rowsOf<Row>(db, statement, values))[0] ?? null;
}

/**
 * BEGIN, `run` on one client, COMMIT; ROLLBACK when it throws (a client whose ROLLBACK failed is
 * dropped, not returned to the pool). Nothing else holds a transaction open: never while user code
 * computes (memoize waits on a row, not on a lock held across the computation).
 */
export async function withTransaction<T>(pool: pg.Pool, run: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A connection lost while checked out (a restart) is reported as an 'error' event, which the pool
  // listens to only on idle clients; unheard, it would end the process. The query in flight fails too.
  const lost = () => (broken = true);
  client.on("error", lost);
  try {
    await client.query("BEGIN");
    const result = await run(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.off("error", lost);
    client.release(broken);
  }
}
