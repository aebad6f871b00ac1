import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { rowsOf, withTransaction } from "@/lib/db/sql";
import type { JobServices } from "@/lib/flow/runtime";
import {
  cancelTask,
  checkInvariants,
  completeTask,
  reviveTask,
  runJob,
  startProcess,
  startProcessFromCode,
  undoTask,
} from "@/lib/flow/runtime";
import { writeChanges } from "@/lib/flow/runtime/queries";
import type { TaskRow } from "@/lib/flow/runtime/rows";
import { outage } from "@/lib/flow/runtime/test-support/flows";
import { makeUsers, refOf, registry, taskAt } from "@/lib/flow/runtime/test-support/setup";
import { flowNodeCounts, flowNodeCountsStatement } from "./flow-node-counts";

// The flows page once grouped the whole flow_task table on every view, so it slowed with every task
// ever run (issue 18). Now open tasks come from the partial index and finished ones from counters the
// runtime keeps in the statement that finishes them: they must agree with a full count, and the
// page's statement must read no finished task.

let users: Awaited<ReturnType<typeof makeUsers>>;
const services: JobServices = {
  storageFor: () => ({ put: async () => Promise.reject(new Error("no storage in this test")), get: async () => null }),
  compute: { call: async () => Promise.reject(new Error("no compute in this test")) },
  faults: { isOn: async () => false },
};
const at = (time: string) => ({ registry, services, now: new Date(time) });

beforeAll(async () => {
  users = await makeUsers();
});

async function start(data: { failTimes: number; failAfter: boolean }) {
  const { processId } = await startProcessFromCode({ flow: "test-job" }, { data, userId: users.engineer.id }, { registry });
  const task = await taskAt(processId, "work");
  return { processId, task, payload: { taskId: task.id, processId, flowName: "test-job" } };
}

/** What the page used to compute: every task grouped. */
async function fullCount(): Promise<Record<string, { running: number; done: number; error: number }>> {
  const rows = await rowsOf<{ key: string; running: number; done: number; error: number }>(
    pool,
    `SELECT "flowName" || '/' || "nodeName" AS key,
       count(*) FILTER (WHERE status IN ('new', 'assigned', 'scheduled', 'started'))::int AS running,
       count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'error')::int AS error
     FROM flow_task GROUP BY 1`,
  );
  return Object.fromEntries(rows.map(({ key, ...counts }) => [key, counts]));
}

describe("the flows page's counts", () => {
  it("follow completions, errors, cancels, revives and undos, and agree with a count of every task", async () => {
    // Completed through to the end.
    const done = await start({ failTimes: 0, failAfter: false });
    expect(await runJob(done.payload, at("2030-01-01T12:00:00Z"))).toBe("done");
    // Failed into the error queue after its retries.
    const failed = await start({ failTimes: 9, failAfter: false });
    for (let i = 0; i < 3; i++) await runJob(failed.payload, at(`2030-01-01T12:00:0${i}Z`));
    // Canceled before the queue delivered it.
    const canceled = await start({ failTimes: 0, failAfter: false });
    await cancelTask(users.admin, refOf(canceled.task), { registry });
    // Failed, then revived: the old task is revived (finished), a fresh one is scheduled (open).
    outage.on = true;
    const revived = await start({ failTimes: 0, failAfter: false });
    for (let i = 0; i < 3; i++) await runJob(revived.payload, at(`2030-01-01T12:00:0${i}Z`));
    outage.on = false;
    await reviveTask(users.admin, refOf(await taskAt(revived.processId, "work", "error")), { registry });
    // Still waiting for the queue.
    await start({ failTimes: 0, failAfter: false });
    // A done review undone: it and the handler and gateway after it go from done to canceled.
    const { processId: undone } = await startProcess(users.engineer, { flow: "test-review" }, { text: "undo me" }, { registry });
    const review = await taskAt(undone, "review");
    await completeTask(users.reviewer, refOf(review), { approved: false }, { registry });
    await undoTask(users.admin, refOf(review), { registry });

    const counts = await flowNodeCounts();
    expect(counts).toEqual({
      "test-job/start": { running: 0, done: 5, error: 0 },
      "test-job/work": { running: 2, done: 1, error: 1 },
      "test-job/after": { running: 0, done: 1, error: 0 },
      "test-job/end": { running: 0, done: 1, error: 0 },
      "test-review/start": { running: 0, done: 1, error: 0 },
      "test-review/review": { running: 1, done: 0, error: 0 },
      "test-review/stamp": { running: 0, done: 0, error: 0 },
      "test-review/decide": { running: 0, done: 0, error: 0 },
    });
    // The page shows zeros for a node it has no row for (app/(app)/flows/page.tsx), so compare without them.
    const nonZero = (all: Record<string, { running: number; done: number; error: number }>) =>
      Object.fromEntries(Object.entries(all).filter(([, c]) => c.running + c.done + c.error > 0));
    expect(nonZero(counts)).toEqual(nonZero(await fullCount()));
    // Every finished status is counted, not only done.
    const counters = await rowsOf<{ key: string; count: number }>(
      pool,
      `SELECT "nodeName" || ':' || status AS key, sum(count)::int AS count FROM flow_node_task_count WHERE count <> 0 GROUP BY 1 ORDER BY 1`,
    );
    expect(counters).toEqual([
      { key: "after:done", count: 1 },
      { key: "decide:canceled", count: 1 },
      { key: "end:done", count: 1 },
      { key: "review:canceled", count: 1 },
      { key: "rework:canceled", count: 1 },
      { key: "stamp:canceled", count: 1 },
      { key: "start:done", count: 6 },
      { key: "work:canceled", count: 1 },
      { key: "work:done", count: 1 },
      { key: "work:revived", count: 1 },
    ]);
    expect(await checkInvariants()).toEqual([]);
  });

  it("do not change when a finished task is written again as it was", async () => {
    const before = await rowsOf(pool, `SELECT * FROM flow_node_task_count ORDER BY 1, 2, 3, 4`);
    const [task] = await rowsOf<{ row: TaskRow }>(pool, `SELECT row_to_json(t) AS row FROM flow_task t WHERE status = 'done' LIMIT 1`);
    await withTransaction(pool, (tx) =>
      writeChanges(tx, { processes: [], tasks: [task!.row], previous: [], audit: [], jobs: [], finishedDrafts: [], notifications: [] }),
    );
    expect(await rowsOf(pool, `SELECT * FROM flow_node_task_count ORDER BY 1, 2, 3, 4`)).toEqual(before);
    expect(await checkInvariants()).toEqual([]);
  });

  it("read only the open tasks, however many have finished", async () => {
    // 20,000 finished tasks of a flow of their own, written directly (no counters: not what this asserts).
    await pool.query(`
      INSERT INTO flow_process (id, "flowName", "flowVersion", status, data, "createdById", "createdAt", "updatedAt")
      VALUES ('history', 'test-history', 1, 'done', '{}', '${users.engineer.id}', now(), now())`);
    await pool.query(`
      INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, title, "createdAt", "finishedAt", "updatedAt")
      SELECT 'history-' || i, 'history', 'test-history', 'step', 'handler', CASE WHEN i % 10 = 0 THEN 'canceled' ELSE 'done' END,
        'Step ' || i, now(), now(), now()
      FROM generate_series(1, 20000) i`);
    await pool.query(`ANALYZE flow_task`);
    const [{ open }] = (await rowsOf<{ open: number }>(
      pool,
      `SELECT count(*)::int AS open FROM flow_task WHERE status IN ('new', 'assigned', 'scheduled', 'started', 'error')`,
    )) as [{ open: number }];
    expect(open).toBe(4);

    const statement = flowNodeCountsStatement();
    const rows = await rowsOf<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      pool,
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
      statement.values,
    );
    const scans = scansOf(rows[0]!["QUERY PLAN"][0].Plan).filter((node) => node["Relation Name"] === "flow_task");
    expect(scans.map((node) => node["Node Type"])).not.toContain("Seq Scan");
    // Rows the scans of flow_task produced or threw away: exactly the open ones.
    const read = scans.reduce(
      (sum, node) =>
        sum +
        (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * node["Actual Loops"],
      0,
    );
    expect(read).toBe(open);
    expect(await flowNodeCounts()).not.toHaveProperty("test-history/step");
  });
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(scansOf)];
}
