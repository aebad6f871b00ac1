import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { s3ConfigFromEnv, s3Storage, S3_PART_BYTES, type S3Config } from "./storage-s3";
import { StorageError } from "./storage";

// The S3 backend against s3rver, a real S3-protocol server in Node (signature
// checks included), on loopback. The PostgreSQL backend has storage.db.test.ts.

let server: S3rver;
let dir: string;
let config: S3Config;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "gusset-s3-"));
  const port = await freePort();
  server = new S3rver({ port, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "gusset", configs: [] }] });
  await server.run();
  config = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: "gusset",
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  };
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("S3 storage", () => {
  it("round-trips text and JSON, keeps the sha256, lists by prefix, deletes", async () => {
    const store = s3Storage("ws-a", config);
    const info = await store.put("reports/a b.txt", "hello");
    expect(info).toMatchObject({ key: "reports/a b.txt", size: 5, sha256: createHash("sha256").update("hello").digest("hex") });
    await store.putJson("reports/r.json", { uc: 0.8 });
    expect((await store.getBytes("reports/a b.txt"))?.toString()).toBe("hello");
    expect((await store.get("reports/a b.txt"))?.info.sha256).toBe(info.sha256);
    expect(await store.getJson("reports/r.json")).toEqual({ uc: 0.8 });
    expect((await store.list("reports/")).map((o) => [o.key, o.size])).toEqual([
      ["reports/a b.txt", 5],
      ["reports/r.json", 10],
    ]);
    expect(await store.delete("reports/a b.txt")).toBe(true);
    expect(await store.delete("reports/a b.txt")).toBe(false);
    expect(await store.get("reports/a b.txt")).toBeNull();
  });

  it("keeps workspaces apart", async () => {
    await s3Storage("ws-b", config).put("k", "b");
    expect(await s3Storage("ws-c", config).get("k")).toBeNull();
    expect(await s3Storage("ws-bb", config).list()).toEqual([]);
  });

  it("streams a body larger than one part up as a multipart upload, and back", async () => {
    const bytes = randomBytes(S3_PART_BYTES * 2 + 12345);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const info = await s3Storage("ws-d", config).put("big.bin", Readable.from(pieces));
    expect(info.size).toBe(bytes.length);
    expect(info.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const back = await s3Storage("ws-d", config).getBytes("big.bin");
    expect(back?.equals(bytes)).toBe(true);
  });

  it("says which settings are missing when only the bucket is configured", () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(() => s3ConfigFromEnv({ GUSSET_S3_BUCKET: "b" })).toThrow(StorageError);
    expect(() => s3ConfigFromEnv({ GUSSET_S3_BUCKET: "b" })).toThrow(
      /needs GUSSET_S3_ENDPOINT, GUSSET_S3_ACCESS_KEY_ID, GUSSET_S3_SECRET_ACCESS_KEY/,
    );
  });

  it("reports a refused request clearly (a bucket that does not exist)", async () => {
    await expect(s3Storage("ws-e", { ...config, bucket: "no-such-bucket" }).put("k", "v")).rejects.toThrow(
      /^S3 put k failed: 404 NoSuchBucket: The specified bucket does not exist/,
    );
  });
});
