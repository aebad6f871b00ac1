/**
 * A second process for lib/controller/memoize.db.test.ts: calls the same
 * memoized analysis `CALLS` times at once and prints the results as JSON.
 * Each real computation leaves a row in compute_log, so the test can count them.
 */
import { pool } from "@/lib/db/pool";
import { memoize } from "./memoize";

export const slowSquare = memoize(
  async (n: number) => {
    await pool.query(`INSERT INTO compute_log (pid) VALUES ($1)`, [process.pid]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { n, square: n * n };
  },
  { name: "test.slowSquare" },
);

if (import.meta.url === `file://${process.argv[1]}`) {
  const calls = Number(process.env.CALLS ?? 10);
  const results = await Promise.all(Array.from({ length: calls }, () => slowSquare(Number(process.env.N ?? 7))));
  console.log(JSON.stringify(results));
  await pool.end();
}
