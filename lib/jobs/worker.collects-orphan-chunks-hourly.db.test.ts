import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ORPHAN_CHUNK_GRACE_MS } from "@/lib/controller/collect-orphan-chunks";
import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { loadFlows } from "@/lib/flow/runtime/registry";
import { COLLECT_CHUNKS_TASK } from "./collect-orphan-chunks-hourly";
import { startWorker, type RunningWorker } from "./start-worker";

// Chunks of puts whose process died were collectable but nothing ever ran the collection, so they
// piled up. The job worker now runs it as an hourly cron task; this starts the real worker on this
// file's database with a missed half hour behind it, so the queue's backfill runs the task at once.

afterAll(() => pool.end());

let worker: RunningWorker | null = null;
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

const start = async () =>
  (worker = await startWorker({
    registry: loadFlows([]),
    services: {
      storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
      compute: { call: () => Promise.reject(new Error("no compute")) },
      faults: { isOn: async () => false },
    },
    concurrency: 1,
    longCalls: false,
  }));

/** Chunks no object names, as a put leaves them, each written `agesMs` ago; answers the put's object id. */
async function unnamedChunks(...agesMs: number[]): Promise<string> {
  const objectId = randomUUID();
  for (const [seq, ageMs] of agesMs.entries()) {
    await db.$executeRaw`INSERT INTO storage_chunk ("objectId", seq, data, "createdAt")
      VALUES (${objectId}::uuid, ${seq}, '\\x00'::bytea, ${new Date(Date.now() - ageMs)})`;
  }
  return objectId;
}

const chunksOf = async (objectId: string) =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM storage_chunk WHERE "objectId" = ${objectId}::uuid`)[0]!.n;

const lastExecution = async () =>
  (
    await db.$queryRawUnsafe<{ last_execution: Date | null }[]>(
      `SELECT last_execution FROM graphile_worker._private_known_crontabs WHERE identifier = $1`,
      COLLECT_CHUNKS_TASK,
    )
  )[0]?.last_execution;

const HOUR = 3600_000;
const PAST_GRACE = ORPHAN_CHUNK_GRACE_MS + HOUR;

describe("the job worker's collection of orphan storage chunks", () => {
  it(
    "removes the chunks of a put that died past the grace period, and keeps a put in progress and stored objects",
    { timeout: 30_000 },
    async () => {
      const died = await unnamedChunks(PAST_GRACE + HOUR, PAST_GRACE);
      const inProgress = await unnamedChunks(60_000, 1_000);
      // A long put: its first chunk is older than the grace period, its last one is recent.
      const longPut = await unnamedChunks(PAST_GRACE, 5_000);
      await storage("chunks-test").put("kept.txt", "stored long ago");
      await db.$executeRaw`UPDATE storage_chunk SET "createdAt" = ${new Date(Date.now() - PAST_GRACE)}
        WHERE "objectId" = (SELECT id FROM storage_object WHERE workspace = 'chunks-test' AND key = 'kept.txt')`;

      // The cluster last collected two hours ago, so the last half hour past was missed.
      await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_known_crontabs`);
      await db.$executeRawUnsafe(
        `INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution) VALUES ($1, now() - interval '2 hours', now() - interval '2 hours')`,
        COLLECT_CHUNKS_TASK,
      );

      await start();
      await expect.poll(() => chunksOf(died), { timeout: 20_000, interval: 200 }).toBe(0);
      expect(await chunksOf(inProgress)).toBe(2);
      expect(await chunksOf(longPut)).toBe(2);
      expect(await storage("chunks-test").getBytes("kept.txt")).toEqual(Buffer.from("stored long ago"));

      const lastHalfHour = new Date();
      if (lastHalfHour.getUTCMinutes() < 30) lastHalfHour.setUTCHours(lastHalfHour.getUTCHours() - 1);
      lastHalfHour.setUTCMinutes(30, 0, 0);
      expect(await lastExecution()).toEqual(lastHalfHour);
      // The job is gone from the queue once it completed.
      await expect
        .poll(
          () =>
            db.$queryRawUnsafe<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1`,
              COLLECT_CHUNKS_TASK,
            ),
          { timeout: 5_000 },
        )
        .toEqual([{ n: 0 }]);
    },
  );
});
