import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLongCall, tooManyCallsMessage } from "@/lib/calls/start-long-call";
import { SLOW_TYPE } from "@/lib/calls/test-support/slow-controller";
import { started } from "@/lib/calls/test-support/started";
import { closeCallThreads } from "@/lib/controller/call-threads";
import { pool } from "@/lib/db/pool";
import { createEntity } from "@/lib/entities/create-entity";
import type { FlowRegistry } from "@/lib/flow/runtime/registry";
import { completeTask, startProcess } from "@/lib/flow/runtime";
import { makeUser, processRow, refOf, taskAt } from "@/lib/flow/runtime/test-support/setup";
import { install } from "@/lib/installation/install";
import { jobServices } from "./job-services";
import { startWorker } from "./start-worker";
import both from "./test-support/shipped-with-slow-installation";

// A fair queue. Before, one runner took jobs in order: an engineer queued 40 full analyses in 2 s,
// and a design review approved after them waited for its report job behind all 40 (76 s instead of
// 0.5 s). Flow jobs now have a runner of their own, so the report is rendered while the calls hold
// every long-call slot; another user's first call goes ahead of this user's queued ones; and a user
// past their limit of long calls is refused with a message.

const PER_USER = 40;
let flows: FlowRegistry;

beforeAll(() => {
  flows = install(both).flows;
});
afterAll(async () => {
  await closeCallThreads();
  await pool.end();
});

/** A worker running one flow job and one long call at a time, stopped after `fn` (its calls cancelled first). */
async function withWorker(fn: () => Promise<void>): Promise<void> {
  const worker = await startWorker({ registry: flows, services: jobServices(), concurrency: 1, longCallConcurrency: 1 });
  try {
    await fn();
  } finally {
    await pool.query(
      `UPDATE long_call SET "cancelRequested" = true, status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END
        WHERE status IN ('queued', 'running')`,
    );
    await worker.stop();
  }
}

async function slowEntities(ownerId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const id of ids)
    await pool.query(`INSERT INTO entity (id, type, name, params, "ownerId") VALUES ($1, $2, 'Slow', '{}', $3)`, [id, SLOW_TYPE, ownerId]);
  return ids;
}

const slowCall = (userId: string, entityId: string, steps: number, stepMs: number) =>
  startLongCall(pool, { userId, entityId, kind: "view", name: "slow", params: { steps, stepMs, userErrorAt: 0 } }, { perUser: PER_USER });

const statusesOf = async (ids: string[]) => {
  const { rows } = await pool.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM long_call WHERE id = ANY($1::text[]) GROUP BY status`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
};

describe("the job worker", () => {
  it("runs another user's first long call before the calls one user queued earlier", { timeout: 60_000 }, async () => {
    const busy = await makeUser(["engineer"], "engineer who queued five");
    const other = await makeUser(["engineer"], "engineer with one call");
    const busyCalls: string[] = [];
    for (const entityId of await slowEntities(busy.id, 5)) busyCalls.push(await started(slowCall(busy.id, entityId, 1, 0)));
    const otherCall = await started(slowCall(other.id, (await slowEntities(other.id, 1))[0]!, 1, 0));

    await withWorker(async () => {
      await expect.poll(() => statusesOf([...busyCalls, otherCall]), { timeout: 30_000, interval: 100 }).toEqual({ done: 6 });
    });
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM long_call WHERE id = ANY($1::text[]) ORDER BY "startedAt"`, [
      [...busyCalls, otherCall],
    ]);
    // The first of the five was taken before the other's existed; the other's went next.
    expect(rows.map((row) => row.id)).toEqual([busyCalls[0], otherCall, ...busyCalls.slice(1)]);
  });

  it(
    "renders a design review's report while one engineer's 40 long calls hold the call runner, and refuses their 41st",
    { timeout: 150_000 },
    async () => {
      const engineer = await makeUser(["engineer"], "engineer with many calls");
      const reviewer = await makeUser(["reviewer"], "reviewer");
      const slowOnes = await slowEntities(engineer.id, PER_USER + 1);
      await withWorker(async () => {
        // Each call takes 60 s, so the first still runs, and 39 wait, when the report is done.
        const calls: string[] = [];
        for (const entityId of slowOnes.slice(0, PER_USER)) calls.push(await started(slowCall(engineer.id, entityId, 600, 100)));

        // The 41st, on another entity: refused with the message, and nothing queued for it.
        expect(await slowCall(engineer.id, slowOnes[PER_USER]!, 600, 100)).toEqual({
          ok: false,
          failure: { code: "refused", message: tooManyCallsMessage(PER_USER), fields: [] },
        });
        expect((await pool.query(`SELECT 1 FROM long_call WHERE "entityId" = $1`, [slowOnes[PER_USER]])).rowCount).toBe(0);

        // Then a design review, approved: its report job goes into the queue after the 40 calls.
        const project = await createEntity(engineer, { type: "project", name: "Bridge", parentId: null });
        if (!project.ok) throw new Error(project.failure.message);
        const beam = await createEntity(engineer, { type: "beam", name: "Main girder", parentId: project.value.id });
        if (!beam.ok) throw new Error(beam.failure.message);
        const { processId } = await startProcess(
          engineer,
          { flow: "design-review" },
          { entityId: beam.value.id, revision: "1", summary: "Girder" },
          {},
        );
        await completeTask(reviewer, refOf(await taskAt(processId, "review")), { approved: true }, {});

        await expect.poll(async () => (await processRow(processId)).status, { timeout: 90_000, interval: 100 }).toBe("done");
        expect((await processRow(processId)).data).toMatchObject({ reportFile: `${processId}/Main-girder-report.pdf` });
        // One runner for both would have run the report only after the first call ended.
        expect(await statusesOf(calls)).toEqual({ running: 1, queued: PER_USER - 1 });
      });
    },
  );
});
