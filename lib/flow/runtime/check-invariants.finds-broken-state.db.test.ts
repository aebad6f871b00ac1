import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/sql";
import { checkInvariants, completeTask, startProcess, startProcessFromCode } from "./index";
import { makeUsers, refOf, registry, taskAt } from "./test-support/setup";

// The checker the concurrency and fault tests rely on must itself catch broken state: each case
// breaks one promise by hand and expects the checker to name it.

let users: Awaited<ReturnType<typeof makeUsers>>;
beforeAll(async () => {
  users = await makeUsers();
});

async function withBroken(sql: (ids: { processId: string; taskId: string }) => string, expected: RegExp) {
  const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "x" }, { registry });
  const review = await taskAt(processId, "review");
  await completeTask(users.reviewer, refOf(review), { approved: false }, { registry });
  expect(await checkInvariants()).toEqual([]);
  await withTransaction(pool, async (tx) => {
    await tx.query(sql({ processId, taskId: review.id }));
    const problems = await checkInvariants(tx);
    expect(problems.join("\n")).toMatch(expected);
    throw new Error("roll back");
  }).catch((error: Error) => expect(error.message).toBe("roll back"));
}

describe("checkInvariants", () => {
  it.each<[string, (ids: { processId: string; taskId: string }) => string, RegExp]>([
    ["an unknown status", ({ taskId }) => `UPDATE flow_task SET status = 'lost' WHERE id = '${taskId}'`, /unknown status lost/],
    [
      "a running process with nothing open",
      ({ processId }) => `UPDATE flow_task SET status = 'canceled' WHERE "processId" = '${processId}' AND status <> 'done'`,
      /no open task/,
    ],
    [
      "a done process with an open task",
      ({ processId }) => `UPDATE flow_process SET status = 'done', "finishedAt" = now() WHERE id = '${processId}'`,
      /done but has 1 open task/,
    ],
    [
      "an error process without a task in error",
      ({ processId }) => `UPDATE flow_process SET status = 'error' WHERE id = '${processId}'`,
      /does not match whether a task of it is in error/,
    ],
    [
      "a task completed twice",
      ({ processId, taskId }) =>
        `INSERT INTO flow_audit ("processId", "taskId", action, "fromStatus", "toStatus") VALUES ('${processId}', '${taskId}', 'complete', 'started', 'done')`,
      /went from started though it was done|completed 2 times/,
    ],
    [
      "a status changed behind the table's back",
      ({ taskId }) => `UPDATE flow_task SET status = 'new', "assigneeId" = NULL WHERE id = '${taskId}'`,
      /trail ends at done but it is new/,
    ],
    [
      // Issue 11, bug 4: an undo then a revive ran one node twice on one branch, and nothing said so.
      "two open tasks of one node on one branch",
      ({ processId }) =>
        `INSERT INTO flow_task (id, "processId", "flowName", "nodeName", "nodeKind", status, "assigneeId", title)
           SELECT id || '-twin', "processId", "flowName", "nodeName", "nodeKind", status, "assigneeId", title
           FROM flow_task WHERE "processId" = '${processId}' AND "nodeName" = 'rework'`,
      /2 open tasks of node "rework"/,
    ],
    [
      // Issue 18: the flows page reads done counts from these counters, so a write that skips them shows.
      "a finished task the counters missed",
      () =>
        `UPDATE flow_node_task_count SET count = count - 1 WHERE "flowName" = 'test-review' AND "nodeName" = 'review' AND status = 'done'`,
      /counts \d+ done tasks of test-review\/review \(slot \d\), but \d+ are stored/,
    ],
  ])("finds %s", async (_, sql, expected) => {
    await withBroken(sql, expected);
  });

  it("finds a scheduled job with no job in the queue", async () => {
    const { processId } = await startProcessFromCode(
      { flow: "test-job" },
      { data: { failTimes: 0, failAfter: false }, userId: users.engineer.id },
      { registry },
    );
    const task = await taskAt(processId, "work");
    await pool.query(`DELETE FROM graphile_worker._private_jobs WHERE key = $1`, [`flow-task:${task.id}`]);
    expect((await checkInvariants()).join("\n")).toMatch(/scheduled but no queue job/);
    await pool.query(`UPDATE flow_task SET status = 'canceled' WHERE id = $1`, [task.id]);
    // A repair by hand keeps the flows page's counters too (flow_node_task_count, queries.ts writeStatement).
    await pool.query(
      `INSERT INTO flow_node_task_count ("flowName", "nodeName", status, slot, count) VALUES ('test-job', 'work', 'canceled', hashtext($1) & 7, 1)
         ON CONFLICT ("flowName", "nodeName", status, slot) DO UPDATE SET count = flow_node_task_count.count + 1`,
      [processId],
    );
    await pool.query(`UPDATE flow_process SET status = 'canceled', "finishedAt" = now() WHERE id = $1`, [processId]);
    await pool.query(
      `INSERT INTO flow_audit ("processId", "taskId", action, "fromStatus", "toStatus") VALUES ($1, $2, 'cancel', 'scheduled', 'canceled')`,
      [processId, task.id],
    );
    expect(await checkInvariants()).toEqual([]);
  });
});
