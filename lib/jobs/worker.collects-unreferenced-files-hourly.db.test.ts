import { afterAll, afterEach, describe, expect, it } from "vitest";
import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { newActor } from "@/lib/entities/test-support/users";
import { loadFlows } from "@/lib/flow/runtime/registry";
import { FILES_WORKSPACE, uploadFile } from "@/lib/files/upload-file";
import { COLLECT_FILES_TASK } from "./collect-files-hourly";
import { COLLECT_CHUNKS_TASK } from "./collect-orphan-chunks-hourly";
import { startWorker, type RunningWorker } from "./start-worker";

// The collection of unreferenced files runs in the job worker, as a cron task, once an hour per
// cluster (it used to run inside every web process). These tests start the real worker on this
// file's database and read the queue's own cron bookkeeping.

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

interface KnownCrontab {
  identifier: string;
  known_since: Date;
  last_execution: Date | null;
}
const knownCrontabs = () =>
  db.$queryRawUnsafe<KnownCrontab[]>(
    `SELECT identifier, known_since, last_execution FROM graphile_worker._private_known_crontabs ORDER BY identifier`,
  );

async function uploadPdf(name: string) {
  const erin = await newActor("Erin", "engineer");
  const result = await uploadFile(erin, {
    type: "project",
    field: "drawing",
    name,
    bytes: new Uint8Array(Buffer.from("%PDF-1.4\n% test\n")),
  });
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.fileId;
}

describe("the job worker's file collection", () => {
  it("registers the hourly cron tasks when a worker starts (files, and orphan storage chunks)", async () => {
    await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_known_crontabs`);
    const before = new Date();
    await start();
    // The worker's cron scheduler registers its items just after the worker starts.
    await expect.poll(knownCrontabs, { timeout: 10_000, interval: 100 }).toHaveLength(2);
    const rows = await knownCrontabs();
    expect(rows).toEqual([
      { identifier: COLLECT_CHUNKS_TASK, known_since: expect.any(Date), last_execution: null },
      { identifier: COLLECT_FILES_TASK, known_since: expect.any(Date), last_execution: null },
    ]);
    for (const row of rows) expect(row.known_since.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it(
    "runs the collection for the hour a stopped cluster missed: an old unreferenced file goes, a new one stays",
    { timeout: 30_000 },
    async () => {
      const old = await uploadPdf("old.pdf");
      const recent = await uploadPdf("recent.pdf");
      await db.storedFile.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 2 * 24 * 3600_000) } });
      // The cluster last collected two hours ago, so the last top of the hour was missed.
      await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_known_crontabs`);
      await db.$executeRawUnsafe(
        `INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution) VALUES ($1, now() - interval '2 hours', now() - interval '2 hours')`,
        COLLECT_FILES_TASK,
      );

      await start();
      await expect.poll(() => db.storedFile.findUnique({ where: { id: old } }), { timeout: 20_000, interval: 200 }).toBeNull();
      expect(await storage(FILES_WORKSPACE).getBytes(old)).toBeNull();
      expect(await db.storedFile.findUnique({ where: { id: recent } })).not.toBeNull();
      const lastHour = new Date();
      lastHour.setUTCMinutes(0, 0, 0);
      expect((await knownCrontabs()).find((row) => row.identifier === COLLECT_FILES_TASK)!.last_execution).toEqual(lastHour);
      // The job is gone from the queue once it completed.
      await expect
        .poll(
          () =>
            db.$queryRawUnsafe<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1`,
              COLLECT_FILES_TASK,
            ),
          { timeout: 5_000 },
        )
        .toEqual([{ n: 0 }]);
    },
  );
});
