/**
 * A concurrency storm over the node kinds of issue 11 (Viewflow's test_lock.py races two threads
 * for the flow lock; this races many clients): in each process a first split's two branches are
 * completed at once by two people while a third completes the other branch of the outer split; the
 * winner goes on into a split of two synchronous branches and their join. Exactly one of the two
 * racers wins in each process, every process ends once, and the invariant checker finds nothing.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { flow, role, type FlowUser } from "@/lib/flow";
import { checkInvariants, completeTask, loadFlows, startProcessFromCode, type RuntimeOptions } from "@/lib/flow/runtime";
import { makeUser, processRow, refOf, taskAt, tasksOf } from "@/lib/flow/runtime/test-support/setup";

const race = flow("vf-storm", {
  process: z.object({ h1: z.boolean().optional(), h2: z.boolean().optional() }),
  nodes: ({ startHandle, split, splitFirst, view, handler, join, end }) => ({
    start: startHandle().next("outer"),
    outer: split().branch("first").branch("other"),
    first: splitFirst().branch("byEngineer").branch("byReviewer"),
    byEngineer: view({ assign: role("engineer") }).next("fork"),
    byReviewer: view({ assign: role("reviewer") }).next("fork"),
    fork: split().branch("h1").branch("h2"),
    h1: handler(() => ({ h1: true })).next("inner"),
    h2: handler(() => ({ h2: true })).next("inner"),
    inner: join().next("outerJoin"),
    other: view({ assign: role("reviewer") }).next("outerJoin"),
    outerJoin: join().next("end"),
    end: end(),
  }),
});

const PROCESSES = 20;
const registry = loadFlows([race]);
let pools: pg.Pool[] = [];
let engineer: FlowUser;
let reviewers: FlowUser[];

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  pools = Array.from({ length: 3 * PROCESSES }, () => new pg.Pool({ connectionString: url, max: 1 }));
  engineer = await makeUser(["engineer"], "storm engineer");
  reviewers = [await makeUser(["reviewer"], "storm reviewer"), await makeUser(["reviewer"], "storm reviewer 2")];
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

describe(`${PROCESSES} processes, three clients each at once`, () => {
  it(
    "one racer of each first split wins, the winner's synchronous split joins, and every process ends once",
    { timeout: 120_000 },
    async () => {
      const processIds: string[] = [];
      for (let i = 0; i < PROCESSES; i++) {
        processIds.push((await startProcessFromCode({ flow: "vf-storm" }, { data: {}, userId: engineer.id }, { registry })).processId);
      }
      const on = (i: number): RuntimeOptions => ({ registry, db: pools[i]! });
      const attempts = await Promise.all(
        processIds.flatMap(async (processId, p) => {
          const [a, b, c] = await Promise.all(["byEngineer", "byReviewer", "other"].map((node) => taskAt(processId, node)));
          const outcome = (run: Promise<void>) =>
            run.then(
              () => "won",
              (error: { code?: string }) => error.code ?? "threw",
            );
          return Promise.all([
            outcome(completeTask(engineer, refOf(a!), {}, on(3 * p))),
            outcome(completeTask(reviewers[0]!, refOf(b!), {}, on(3 * p + 1))),
            outcome(completeTask(reviewers[1]!, refOf(c!), {}, on(3 * p + 2))),
          ]);
        }),
      );
      for (const [index, [a, b, c]] of attempts.entries()) {
        expect(
          [a, b].filter((outcome) => outcome === "won"),
          `process ${index}`,
        ).toHaveLength(1);
        expect([a, b].filter((outcome) => outcome !== "won")[0], `process ${index}`).toMatch(/^(invalid_transition|no_longer_yours)$/);
        expect(c).toBe("won");
      }
      for (const processId of processIds) {
        expect(await processRow(processId)).toMatchObject({ status: "done", data: { h1: true, h2: true } });
        const tasks = await tasksOf(processId);
        expect(tasks.filter((task) => task.nodeName === "end").map((task) => task.status)).toEqual(["done"]);
        expect(tasks.filter((task) => task.nodeName === "outerJoin").map((task) => task.status)).toEqual(["done"]);
        expect(tasks.filter((task) => task.nodeName === "first").map((task) => task.status)).toEqual(["done"]);
      }
      expect(await checkInvariants()).toEqual([]);
    },
  );
});
