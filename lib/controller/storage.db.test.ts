import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { collectOrphanChunks } from "./collect-orphan-chunks";
import { CHUNK_BYTES, storage, StorageError } from "./storage";
import { db } from "@/lib/db/client";

function runFixture(env: Record<string, string>): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "lib/controller/storage.fixture.ts"], {
      env: { ...process.env, ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(err))));
  });
}

describe("storage", () => {
  it("round-trips text, bytes and JSON, and lists by prefix", async () => {
    const store = storage("ws-a");
    await store.put("reports/beam-1.txt", "hello");
    await store.put("reports/beam-2.bin", new Uint8Array([0, 1, 2, 255]));
    await store.putJson("results/beam-1.json", { uc: 0.82, items: [1, 2, 3] });
    expect((await store.getBytes("reports/beam-1.txt"))?.toString()).toBe("hello");
    expect([...(await store.getBytes("reports/beam-2.bin"))!]).toEqual([0, 1, 2, 255]);
    expect(await store.getJson("results/beam-1.json")).toEqual({ uc: 0.82, items: [1, 2, 3] });
    expect((await store.list("reports/")).map((o) => [o.key, o.size, o.contentType])).toEqual([
      ["reports/beam-1.txt", 5, "text/plain; charset=utf-8"],
      ["reports/beam-2.bin", 4, "application/octet-stream"],
    ]);
  });

  it("keeps workspaces apart", async () => {
    await storage("ws-b").put("same-key", "b");
    await storage("ws-c").put("same-key", "c");
    expect((await storage("ws-b").getBytes("same-key"))?.toString()).toBe("b");
    expect(await storage("ws-d").get("same-key")).toBeNull();
  });

  it("replaces an object under the same key, leaving no chunks of the old one", async () => {
    const store = storage("ws-e");
    await store.put("k", Buffer.alloc(CHUNK_BYTES * 2 + 10, 1));
    await store.put("k", "short");
    expect((await store.getBytes("k"))?.toString()).toBe("short");
    const count = async (sql: TemplateStringsArray) => (await db.$queryRaw<{ n: number }[]>(sql))[0]!.n;
    const chunks = await count`SELECT count(*)::int AS n FROM storage_chunk`;
    expect(await count`SELECT count(*)::int AS n FROM storage_object WHERE workspace = 'ws-e'`).toBe(1);
    expect(await store.delete("k")).toBe(true);
    expect(await store.delete("k")).toBe(false);
    expect(await count`SELECT count(*)::int AS n FROM storage_chunk`).toBe(chunks - 1);
  });

  it("refuses empty or control-character keys with a clear error", () => {
    expect(() => storage("")).toThrow(StorageError);
    return expect(storage("ws").put("bad\u0000key", "x")).rejects.toThrow(/1–512 printable characters/);
  });

  it("shares results between processes: what job A stores, job B reads", async () => {
    const result = await runFixture({ SIZE_MB: "2", KEY: "shared.bin" });
    const info = (await storage("test-large").list("shared"))[0];
    expect(info?.sha256).toBe(result.sent);
  }, 60_000);

  it("round-trips a 50 MB file with bounded memory (peak memory printed)", async () => {
    const result = await runFixture({ SIZE_MB: "50", KEY: "large.bin" });
    console.log(
      `storage 50 MB round trip: peak held memory +${Number(result.peakHeldGrowthMb).toFixed(1)} MB, peak RSS +${Number(result.peakRssGrowthMb).toFixed(1)} MB`,
    );
    expect(result.size).toBe(50 * 1024 * 1024);
    expect(result.receivedBytes).toBe(50 * 1024 * 1024);
    expect(result.stored).toBe(result.sent);
    expect(result.received).toBe(result.sent);
    // Never held whole: the memory held stays a fraction of the file (bench/storage.ts: alike for 10 and 100 MB).
    expect(Number(result.peakHeldGrowthMb)).toBeLessThan(40);
  }, 120_000);

  it("collects the chunks of a put that never finished, once they are old", async () => {
    await db.$executeRaw`INSERT INTO storage_chunk ("objectId", seq, data, "createdAt") VALUES (gen_random_uuid(), 0, '\\x00'::bytea, now() - interval '2 hours')`;
    expect(await collectOrphanChunks(new Date(Date.now() - 60 * 60_000))).toBe(1);
  });
});
