import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { FlowUser } from "@/lib/flow";
import type { FlowDatabase } from "./lock-process";
import type { JobServices } from "./run-job";
import { assignTask, checkInvariants, completeTask, runJob, startProcess, startProcessFromCode } from "./index";
import { makeUser, processRow, refOf, registry, taskAt } from "./test-support/setup";

// 50 clients, each on its own connection, race for the same tasks. The process lock lets one in at
// a time: exactly one wins each task, the others are told it is no longer theirs, nothing is done
// twice, and the invariant checker finds every process consistent after the storm.

const CLIENTS = 50;
let clients: FlowDatabase[] = [];
let reviewers: FlowUser[] = [];
let engineers: FlowUser[] = [];
let requester: FlowUser;

beforeAll(async () => {
  // One connection each: fifty processes, as far as PostgreSQL can tell.
  const url = process.env.DATABASE_URL!;
  clients = Array.from({ length: CLIENTS }, () => new pg.Pool({ connectionString: url, max: 1 }));
  await Promise.all(clients.map((client) => client.query("SELECT 1")));
  requester = await makeUser(["engineer"], "requester");
  reviewers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => makeUser(["reviewer"], `reviewer${i}`)));
  engineers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => makeUser(["engineer"], `engineer${i}`)));
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
});

/** Runs every attempt at once and sorts the outcomes: "won", or the refusal's code. */
async function storm(attempts: (() => Promise<unknown>)[]): Promise<string[]> {
  const outcomes = await Promise.all(
    attempts.map((attempt) =>
      attempt().then(
        () => "won",
        (error: { code?: string; message?: string }) => error.code ?? String(error.message),
      ),
    ),
  );
  return outcomes;
}

const count = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((tally, o) => ({ ...tally, [o]: (tally[o] ?? 0) + 1 }), {});

describe(`${CLIENTS} clients`, () => {
  it("completing the same queued task: one completes it, the others are told it is no longer theirs", { timeout: 60_000 }, async () => {
    const { processId } = await startProcess(requester, { flow: "test-review" }, { text: "race" }, { registry });
    const ref = refOf(await taskAt(processId, "review"));
    const outcomes = await storm(
      clients.map((client, i) => () => completeTask(reviewers[i]!, ref, { approved: true }, { registry, db: client })),
    );
    expect(count(outcomes)).toEqual({ won: 1, no_longer_yours: CLIENTS - 1 });
    const winner = reviewers[outcomes.indexOf("won")]!;
    expect(await taskAt(processId, "review")).toMatchObject({ status: "done", finishedById: winner.id });
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { stamped: 1 } });
    expect(await db.flowAudit.count({ where: { taskId: ref.taskId, action: "complete" } })).toBe(1);
  });

  it("claiming the same 20 queued tasks, each in its own order: every task is claimed exactly once", { timeout: 60_000 }, async () => {
    const refs: ReturnType<typeof refOf>[] = [];
    for (let i = 0; i < 20; i++) {
      const { processId } = await startProcess(requester, { flow: "test-review" }, { text: `queue ${i}` }, { registry });
      refs.push(refOf(await taskAt(processId, "review")));
    }
    const wins = new Map<string, string[]>();
    const refusals: string[] = [];
    await Promise.all(
      clients.map(async (client, i) => {
        const order = [...refs].sort(() => Math.random() - 0.5);
        for (const ref of order) {
          await assignTask(reviewers[i]!, ref, { registry, db: client }).then(
            () => wins.set(ref.taskId, [...(wins.get(ref.taskId) ?? []), reviewers[i]!.id]),
            (error: { code: string }) => refusals.push(error.code),
          );
        }
      }),
    );
    expect([...wins.values()].map((winners) => winners.length)).toEqual(refs.map(() => 1));
    expect(wins.size).toBe(refs.length);
    expect(count(refusals)).toEqual({ no_longer_yours: CLIENTS * refs.length - refs.length });
    for (const ref of refs) expect((await taskAt(ref.processId, "review")).assigneeId).toBe(wins.get(ref.taskId)![0]);
  });

  it("finishing both branches of 25 splits at once: every join goes on exactly once", { timeout: 60_000 }, async () => {
    const processes: string[] = [];
    for (let i = 0; i < CLIENTS / 2; i++) {
      const { processId } = await startProcessFromCode(
        { flow: "test-parallel" },
        { data: { withCost: true }, userId: requester.id },
        { registry },
      );
      processes.push(processId);
    }
    const attempts: (() => Promise<unknown>)[] = [];
    for (const [i, processId] of processes.entries()) {
      const structural = refOf(await taskAt(processId, "structural"));
      const cost = refOf(await taskAt(processId, "cost"));
      attempts.push(() => completeTask(engineers[i]!, structural, { structuralOk: true }, { registry, db: clients[2 * i]! }));
      attempts.push(() => completeTask(reviewers[i]!, cost, { costOk: true }, { registry, db: clients[2 * i + 1]! }));
    }
    expect(count(await storm(attempts))).toEqual({ won: CLIENTS });
    for (const processId of processes) {
      expect(await processRow(processId)).toMatchObject({ status: "done", data: { rounds: 1 } });
      expect(await db.flowTask.count({ where: { processId, nodeName: "joined" } })).toBe(1);
    }
  });

  it("delivering the same job at once: its result is merged once, and the process goes on once", { timeout: 60_000 }, async () => {
    const services: JobServices = {
      storageFor: () => ({ put: () => Promise.reject(new Error("none")), get: async () => null }),
      compute: { call: () => Promise.reject(new Error("none")) },
      faults: { isOn: async () => false },
    };
    const { processId } = await startProcessFromCode(
      { flow: "test-job" },
      { data: { failTimes: 0, failAfter: false }, userId: requester.id },
      { registry },
    );
    const task = await taskAt(processId, "work");
    const payload = { taskId: task.id, processId, flowName: "test-job" };
    const outcomes = await storm(
      clients.map(
        (client) => () =>
          runJob(payload, { registry, services, db: client }).then((outcome) => {
            if (outcome !== "done") throw Object.assign(new Error(outcome), { code: outcome });
          }),
      ),
    );
    expect(count(outcomes)).toEqual({ won: 1, skipped: CLIENTS - 1 });
    expect(await processRow(processId)).toMatchObject({ status: "done" });
    expect(await db.flowAudit.count({ where: { taskId: task.id, action: "complete" } })).toBe(1);
    expect(await db.flowTask.count({ where: { processId, nodeName: "end" } })).toBe(1);
  });

  it("leave every process consistent", async () => {
    expect(await checkInvariants()).toEqual([]);
  });
});
