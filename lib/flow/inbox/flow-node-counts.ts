import { pool } from "@/lib/db/pool";
import { raw, rowsOf, sql } from "@/lib/db/sql";
import { OPEN_STATUSES } from "@/lib/flow/runtime";

// Literals, not parameters: the partial index's predicate must be provable from the query's own text.
const OPEN_LIST = raw(OPEN_STATUSES.map((status) => `'${status}'`).join(", "));

/** Per flow and node: how many tasks are running (open), done, and in error. */
export interface NodeCounts {
  readonly running: number;
  readonly done: number;
  readonly error: number;
}

/**
 * The statement of `flowNodeCounts`: the open and errored tasks grouped from the partial index on
 * open tasks (flow_task_open_processId_idx; its predicate is OPEN_STATUSES, so the planner can take
 * it), the done ones summed from the finished-task counters the runtime keeps in the statement that
 * finishes a task (flow_node_task_count, lib/flow/runtime/queries.ts). No finished task is read, so
 * the page costs the same after a million tasks as after a thousand. @internal
 */
export function flowNodeCountsStatement() {
  return sql`
    SELECT t."flowName", t."nodeName",
      count(*) FILTER (WHERE t.status <> 'error') AS running, 0 AS done, count(*) FILTER (WHERE t.status = 'error') AS error
    FROM flow_task t WHERE t.status IN (${OPEN_LIST}) GROUP BY t."flowName", t."nodeName"
    UNION ALL
    SELECT c."flowName", c."nodeName", 0, sum(c.count), 0
    FROM flow_node_task_count c WHERE c.status = 'done' GROUP BY c."flowName", c."nodeName"`;
}

/** Counts of tasks per flow and node, keyed "flow/node". */
export async function flowNodeCounts(): Promise<Record<string, NodeCounts>> {
  const rows = await rowsOf<{ flowName: string; nodeName: string; running: string; done: string; error: string }>(
    pool,
    flowNodeCountsStatement(),
  );
  const counts: Record<string, NodeCounts> = {};
  for (const row of rows) {
    const key = `${row.flowName}/${row.nodeName}`;
    const before = counts[key] ?? { running: 0, done: 0, error: 0 };
    counts[key] = {
      running: before.running + Number(row.running),
      done: before.done + Number(row.done),
      error: before.error + Number(row.error),
    };
  }
  return counts;
}
