/**
 * A process of its own for lib/controller/storage.db.test.ts: streams a
 * pseudo-random file of SIZE_MB through storage and back, and prints its
 * sha256 both ways, and the growth of the process's peak RSS and of the
 * memory it holds (JS heap + buffers). Run with --expose-gc: each sample
 * (every 50 ms) collects garbage first, so "held" is memory in use, not
 * garbage the collector has not got round to (RSS never shrinks back).
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import { storage } from "./storage";

const sizeMb = Number(process.env.SIZE_MB ?? 50);
const key = process.env.KEY ?? "large.bin";

function* pseudoRandom(bytes: number): Generator<Buffer> {
  let state = 0x9e3779b9;
  for (let sent = 0; sent < bytes; sent += 64 * 1024) {
    const block = Buffer.allocUnsafe(Math.min(64 * 1024, bytes - sent));
    for (let i = 0; i < block.length; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      block.writeUInt32LE(state >>> 0, i);
    }
    yield block;
  }
}

// Warm both clients first, so their one-time start-up is not counted as growth.
await storage("test-large").put("warm-up", "x");
await storage("test-large").getBytes("warm-up");
(globalThis as { gc?: () => void }).gc?.();
const held = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
const baseline = { rss: process.memoryUsage().rss, held: held() };
const peak = { ...baseline };
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const sampler = setInterval(() => {
  collect();
  peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
  peak.held = Math.max(peak.held, held());
}, 50);

const sent = createHash("sha256");
const source = Readable.from(
  (function* () {
    for (const block of pseudoRandom(sizeMb * 1024 * 1024)) {
      sent.update(block);
      yield block;
    }
  })(),
);
const store = storage("test-large");
const info = await store.put(key, source, { contentType: "application/octet-stream" });
const back = await store.get(key);
const received = createHash("sha256");
let receivedBytes = 0;
for await (const part of back!.body) {
  received.update(part as Buffer);
  receivedBytes += (part as Buffer).length;
}
clearInterval(sampler);
console.log(
  JSON.stringify({
    size: info.size,
    receivedBytes,
    sent: sent.digest("hex"),
    stored: info.sha256,
    received: received.digest("hex"),
    peakRssGrowthMb: (peak.rss - baseline.rss) / 2 ** 20,
    peakHeldGrowthMb: (peak.held - baseline.held) / 2 ** 20,
  }),
);
await db.$disconnect();
