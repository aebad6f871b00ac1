import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { startHeartbeat } from "./heartbeat";

// Regression: a worker's heartbeat wrote its own row, then looked for pools not seen for the stale
// time. When its process stalled between the two (a loaded machine), it took itself for dead and
// handed back its own running job, which it then ran again beside the first delivery (a flaky
// "ok on attempt 3" in worker.survives-a-killed-worker). A pool of this process is never dead to it.

afterAll(async () => {
  await pool.end();
});

/** A job locked by `workerId` an hour ago, as a delivery that is still running. */
async function lockedJob(workerId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id::text FROM graphile_worker.add_job('heartbeat_test', '{}'::json)`);
  const id = rows[0]!.id;
  await pool.query(`UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now() - interval '1 hour' WHERE id = $1::bigint`, [
    id,
    workerId,
  ]);
  return id;
}

const lockedBy = async (id: string) =>
  (await pool.query<{ locked_by: string | null }>(`SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1::bigint`, [id]))
    .rows[0]!.locked_by;

describe("a worker's heartbeat", () => {
  it("hands back the jobs of a pool not seen for the stale time, but never its own, even when its own beat reads late", async () => {
    // Its own beats arrive as if its process had stalled for an hour before they were seen.
    await pool.query(`
      CREATE FUNCTION late_beat() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW."seenAt" := now() - interval '1 hour'; RETURN NEW; END $$`);
    await pool.query(`
      CREATE TRIGGER late_beat BEFORE INSERT OR UPDATE ON worker_heartbeat
      FOR EACH ROW WHEN (NEW."workerId" = 'pool-own') EXECUTE FUNCTION late_beat()`);
    const own = await lockedJob("pool-own");
    const dead = await lockedJob("pool-dead");

    let onUnlock: (ids: string[]) => void = () => {};
    const unlocked = new Promise<string[]>((resolve) => (onUnlock = resolve));
    const heartbeat = startHeartbeat(pool, () => ["pool-own"], { intervalMs: 50, staleAfterMs: 3_000, onUnlock });
    try {
      expect(await unlocked).toEqual(["pool-dead"]);
      expect(await lockedBy(dead)).toBeNull();
      expect(await lockedBy(own)).toBe("pool-own");
    } finally {
      await heartbeat.stop();
    }
  });
});
