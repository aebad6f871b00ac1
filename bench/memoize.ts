/**
 * memoize hit latency: a stored result read back through `memoize`, against
 * the same Prisma client's bare `SELECT 1` round trip in the same run.
 * Target: p50 under 2 ms on the embedded PostgreSQL.
 */
import { benchDatabase, machine, percentile } from "./lib/database";

const SAMPLES = 3000;

const database = await benchDatabase("memoize");
const { memoize } = await import("@/lib/controller/memoize");
const { db } = await import("@/lib/db/client");

async function timeEach(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 200; i++) await run(); // warm the pool and the plan cache
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const analysis = memoize((span: number) => ({ span, moments: Array.from({ length: 200 }, (_, i) => Math.sin(i) * span) }), {
  name: "bench.analysis",
});
await analysis(6);

const hits = await timeEach(() => analysis(6));
const bare = await timeEach(() => db.$queryRaw`SELECT 1`);

console.log(`memoize hit latency (${SAMPLES} sequential calls, 200-number result; ${machine()})`);
console.log(
  `  memoize hit:        p50 ${percentile(hits, 50).toFixed(2)} ms   p95 ${percentile(hits, 95).toFixed(2)} ms   target p50 < 2 ms`,
);
console.log(`  baseline SELECT 1:  p50 ${percentile(bare, 50).toFixed(2)} ms   p95 ${percentile(bare, 95).toFixed(2)} ms`);
console.log(`  ratio (p50):        ${(percentile(hits, 50) / percentile(bare, 50)).toFixed(2)}× a bare round trip`);

await db.$disconnect();
await database.close();
