import { pool } from "@/lib/db/pool";
import { rowsOf, sql } from "@/lib/db/sql";

/** Per flow and node: how many tasks are running (open), done, and in error. */
export interface NodeCounts {
  readonly running: number;
  readonly done: number;
  readonly error: number;
}

/** Counts of tasks per flow and node, keyed "flow/node". One grouped scan of the status index. */
export async function flowNodeCounts(): Promise<Record<string, NodeCounts>> {
  const rows = await rowsOf<{ flowName: string; nodeName: string; running: string; done: string; error: string }>(
    pool,
    sql`
    SELECT t."flowName", t."nodeName",
      count(*) FILTER (WHERE t.status IN ('new', 'assigned', 'scheduled', 'started')) AS running,
      count(*) FILTER (WHERE t.status = 'done') AS done,
      count(*) FILTER (WHERE t.status = 'error') AS error
    FROM flow_task t GROUP BY t."flowName", t."nodeName"`,
  );
  const counts: Record<string, NodeCounts> = {};
  for (const row of rows)
    counts[`${row.flowName}/${row.nodeName}`] = { running: Number(row.running), done: Number(row.done), error: Number(row.error) };
  return counts;
}
