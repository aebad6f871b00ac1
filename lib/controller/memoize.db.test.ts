import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { memoize, pruneMemo } from "./memoize";

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE compute_log (id serial PRIMARY KEY, pid int NOT NULL)`);
});

const computations = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM compute_log`)[0]!.n;

/** Runs lib/controller/memoize.fixture.ts in a process of its own; resolves with its printed results. */
function otherProcess(calls: number, n: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/controller/memoize.fixture.ts"], {
      env: { ...process.env, CALLS: String(calls), N: String(n) },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(err))));
  });
}

describe("memoize", () => {
  it("computes once for 20 concurrent callers in two processes, and every caller gets the result", async () => {
    await db.$executeRaw`TRUNCATE compute_log`;
    const [a, b] = await Promise.all([otherProcess(10, 12), otherProcess(10, 12)]);
    expect([...a, ...b]).toHaveLength(20);
    for (const result of [...a, ...b]) expect(result).toEqual({ n: 12, square: 144 });
    expect(await computations()).toBe(1);
  }, 60_000);

  it("serves a stored result to a later process without computing again (it survives restarts)", async () => {
    await db.$executeRaw`TRUNCATE compute_log`;
    await otherProcess(1, 5);
    await otherProcess(1, 5);
    expect(await computations()).toBe(1);
  }, 60_000);

  it("keys by name, version and arguments: another argument or version computes anew", async () => {
    let runs = 0;
    const v1 = memoize((x: { a: number; b: number[] }) => ({ sum: x.a + x.b.reduce((s, v) => s + v, 0), runs: ++runs }), {
      name: "test.sum",
    });
    const v2 = memoize((x: { a: number; b: number[] }) => ({ sum: x.a + x.b.reduce((s, v) => s + v, 0), runs: ++runs }), {
      name: "test.sum",
      version: 2,
    });
    expect(await v1({ a: 1, b: [2, 3] })).toEqual({ sum: 6, runs: 1 });
    expect(await v1({ b: [2, 3], a: 1 })).toEqual({ sum: 6, runs: 1 }); // key order does not matter
    expect(await v1({ a: 2, b: [2, 3] })).toEqual({ sum: 7, runs: 2 });
    expect(await v2({ a: 1, b: [2, 3] })).toEqual({ sum: 6, runs: 3 });
  });

  it("a caller that joined a computation its starter cancelled computes for itself, and gets the result", async () => {
    let runs = 0;
    const started = new AbortController();
    const square = (signal: AbortSignal) =>
      memoize(
        async (n: number) => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (signal.aborted) throw new Error("Cancelled.");
          return n * n;
        },
        { name: "test.cancelled-starter" },
      );
    const first = square(started.signal)(7);
    const joined = square(new AbortController().signal)(7);
    started.abort();
    await expect(first).rejects.toThrow("Cancelled.");
    expect(await joined).toBe(49);
    expect(runs).toBe(2);
  });

  it("computes an expired entry again (time moved, not slept)", async () => {
    let runs = 0;
    let clock = Date.now();
    const cached = memoize(() => ++runs, { name: "test.expiring", maxAgeSeconds: 60, now: () => clock });
    expect(await cached()).toBe(1);
    clock += 30_000;
    expect(await cached()).toBe(1);
    clock += 31_000;
    expect(await cached()).toBe(2);
  });

  it("stores nothing when the function throws, so the next call tries again", async () => {
    let runs = 0;
    const flaky = memoize(
      () => {
        runs += 1;
        if (runs === 1) throw new Error("first call fails");
        return "ok";
      },
      { name: "test.flaky" },
    );
    await expect(flaky()).rejects.toThrow("first call fails");
    expect(await flaky()).toBe("ok");
  });

  it("keeps the total size under its bound by dropping the least recently used entries", async () => {
    const big = memoize((i: number) => "x".repeat(1000) + i, { name: "test.big" });
    for (let i = 0; i < 5; i++) await big(i);
    await db.$executeRaw`UPDATE memo_entry SET "usedAt" = now() - interval '1 hour' WHERE name = 'test.big' AND value::text LIKE '%x0"'`;
    await pruneMemo((await db.$queryRaw<{ total: number }[]>`SELECT sum(size)::int AS total FROM memo_entry`)[0]!.total - 1);
    const left = await db.$queryRaw<{ value: string }[]>`SELECT value FROM memo_entry WHERE name = 'test.big'`;
    expect(left.map((row) => row.value.slice(-1)).sort()).toEqual(["1", "2", "3", "4"]);
  });
});
