/**
 * Every SQL statement of the runtime, each in one named function. Reads return rows as JSON (times
 * as ISO strings); all writes of an action go out in one statement at its end (`writeChanges`), so
 * completing a task and creating the next one is: lock, read open tasks, write, commit.
 */
import { rowsOf, type Queryable } from "@/lib/db/sql";
import { TASK_STATUSES } from "@/lib/flow/status";
import { isOpen, PROCESS_COLUMNS, TASK_COLUMNS, type AuditRow, type JobSpec, type ProcessRow, type TaskRow } from "./rows";

/** What the queries run on: the client of the open transaction (lock-process.ts). */
export type Tx = Queryable;

/** The channel every change is announced on, one JSON payload per changed process. */
export const FLOW_NOTIFY_CHANNEL = "gusset_flow";

/**
 * The process, locked until the transaction ends, with its open tasks and (given `taskId`) that task
 * whatever its status; null when it is not a process of that flow. One round trip: the SQL function
 * `flow_lock_process` (migration 20261122100000_workflow) locks, then reads the tasks in a statement
 * of its own. In READ COMMITTED each statement sees what committed before it began, so nothing the
 * previous lock holder wrote is missed; a subquery beside the lock would read with the snapshot
 * taken before the wait. One round trip less per action; completions went from 461 to 735 a
 * second at 8 clients in one run on the shared 2-core machine.
 */
export async function lockProcess(
  tx: Tx,
  processId: string,
  flowName: string,
  taskId: string | null,
): Promise<{ process: ProcessRow; open: TaskRow[]; task: TaskRow | null } | null> {
  const rows = await rowsOf<{ locked: { process: ProcessRow; open: TaskRow[]; task: TaskRow | null } | null }>(
    tx,
    `SELECT flow_lock_process($1, $2, $3) AS locked`,
    [processId, flowName, taskId],
  );
  return rows[0]?.locked ?? null;
}

/** One task of a process, whatever its status. */
export async function selectTask(tx: Tx, taskId: string, processId: string): Promise<TaskRow | null> {
  const rows = await rowsOf<{ row: TaskRow }>(tx, `SELECT row_to_json(t) AS row FROM flow_task t WHERE t.id = $1 AND t."processId" = $2`, [
    taskId,
    processId,
  ]);
  return rows[0]?.row ?? null;
}

/** The tasks created from `taskId` (its successors), whatever their status. */
export async function selectSuccessors(tx: Tx, taskId: string): Promise<TaskRow[]> {
  const rows = await rowsOf<{ row: TaskRow }>(
    tx,
    `SELECT row_to_json(t) AS row FROM flow_task_previous p JOIN flow_task t ON t.id = p."taskId" WHERE p."previousId" = $1`,
    [taskId],
  );
  return rows.map((r) => r.row);
}

/** The tasks `taskId` came from: id and split token (a join's arrivals). */
export async function selectPrevious(tx: Tx, taskId: string): Promise<{ id: string; token: string | null }[]> {
  return rowsOf<{ id: string; token: string | null }>(
    tx,
    `SELECT t.id, t.token FROM flow_task_previous p JOIN flow_task t ON t.id = p."previousId" WHERE p."taskId" = $1`,
    [taskId],
  );
}

/** The tasks that arrived at a join (its links), oldest link first. */
export async function selectArrivals(tx: Tx, joinId: string): Promise<TaskRow[]> {
  const rows = await rowsOf<{ row: TaskRow }>(
    tx,
    `SELECT row_to_json(t) AS row FROM flow_task_previous p JOIN flow_task t ON t.id = p."previousId" WHERE p."taskId" = $1 ORDER BY t."finishedAt", t.id`,
    [joinId],
  );
  return rows.map((r) => r.row);
}

/**
 * Every task of a process, oldest first: its history, loaded with the lock only for flows whose
 * callbacks read it (flow-work.ts READS_HISTORY).
 */
export async function selectHistory(tx: Tx, processId: string): Promise<TaskRow[]> {
  const rows = await rowsOf<{ row: TaskRow }>(
    tx,
    `SELECT row_to_json(t) AS row FROM flow_task t WHERE t."processId" = $1 ORDER BY t."createdAt", (SELECT min(a.id) FROM flow_audit a WHERE a."taskId" = t.id)`,
    [processId],
  );
  return rows.map((r) => r.row);
}

/** The child processes a subprocess task started, whatever their status. */
export async function selectChildProcesses(tx: Tx, parentTaskId: string): Promise<ProcessRow[]> {
  const rows = await rowsOf<{ row: ProcessRow }>(tx, `SELECT row_to_json(p) AS row FROM flow_process p WHERE "parentTaskId" = $1`, [
    parentTaskId,
  ]);
  return rows.map((r) => r.row);
}

/** The task that replaced `taskId` (by a revive, or an undo that ran its node again), if one did. */
export async function selectReplacement(tx: Tx, processId: string, taskId: string): Promise<string | null> {
  const rows = await rowsOf<{ id: string }>(tx, `SELECT id FROM flow_task WHERE "processId" = $1 AND "revivedFromId" = $2 LIMIT 1`, [
    processId,
    taskId,
  ]);
  return rows[0]?.id ?? null;
}

/** Processes a subprocess task started that have not ended. */
export async function selectOpenChildProcesses(tx: Tx, parentTaskId: string): Promise<{ id: string; flowName: string }[]> {
  return rowsOf<{ id: string; flowName: string }>(
    tx,
    `SELECT id, "flowName" FROM flow_process WHERE "parentTaskId" = $1 AND status IN ('running', 'error')`,
    [parentTaskId],
  );
}

/** A user's roles, for handing a task to them; null when they do not exist or are disabled. */
export async function selectActiveUser(tx: Tx, userId: string): Promise<{ id: string; roles: string[] } | null> {
  const rows = await rowsOf<{ id: string; roles: string[] }>(tx, `SELECT id, roles FROM "user" WHERE id = $1 AND NOT disabled`, [userId]);
  return rows[0] ?? null;
}

export interface Changes {
  /** New or changed processes, whole rows. */
  readonly processes: readonly ProcessRow[];
  /** New or changed tasks, whole rows. */
  readonly tasks: readonly TaskRow[];
  readonly previous: readonly { taskId: string; previousId: string }[];
  readonly audit: readonly AuditRow[];
  readonly jobs: readonly JobSpec[];
  /** Tasks whose drafts (flow_task_draft, every user's) go: they finished. */
  readonly finishedDrafts: readonly string[];
  /** Payloads for `pg_notify('gusset_flow', …)`, sent when the transaction commits, each with `tx` added. */
  readonly notifications: readonly string[];
}

const quote = (column: string) => `"${column}"`;
/** The statuses flow_node_task_count counts: every one the partial index on open tasks leaves out. */
export const FINISHED_STATUSES = TASK_STATUSES.filter((status) => !isOpen(status));
const FINISHED_LIST = FINISHED_STATUSES.map((status) => `'${status}'`).join(", ");
const PROCESS_LIST = PROCESS_COLUMNS.map(quote).join(", ");
const TASK_LIST = TASK_COLUMNS.map(quote).join(", ");
const TASK_UPDATES = TASK_COLUMNS.filter((c) => !["id", "processId", "flowName", "createdAt"].includes(c))
  .map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`)
  .join(", ");

/**
 * Writes everything an action changed in one statement: rows upserted whole (the process lock makes
 * the copy in memory the current one), links, audit rows, queue jobs, notifications. Foreign keys
 * between the parts are checked at the end of the statement, so their order does not matter.
 */
export async function writeChanges(tx: Tx, changes: Changes): Promise<void> {
  const statement = writeStatement(changes);
  if (statement) await rowsOf(tx, statement.sql, statement.params);
}

/** The statement `writeChanges` sends, or null when there is nothing to write. @internal */
export function writeStatement(changes: Changes): { sql: string; params: unknown[] } | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(JSON.stringify(value));
    return `$${params.length}::jsonb`;
  };
  if (changes.processes.length > 0) {
    parts.push(`processes AS (
      INSERT INTO flow_process (${PROCESS_LIST})
      SELECT ${PROCESS_LIST} FROM jsonb_populate_recordset(NULL::flow_process, ${param(changes.processes)})
      ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, data = EXCLUDED.data,
        "updatedAt" = EXCLUDED."updatedAt", "finishedAt" = EXCLUDED."finishedAt")`);
  }
  if (changes.tasks.length > 0) {
    const tasks = param(changes.tasks);
    parts.push(`tasks AS (
      INSERT INTO flow_task (${TASK_LIST})
      SELECT ${TASK_LIST} FROM jsonb_populate_recordset(NULL::flow_task, ${tasks})
      ON CONFLICT (id) DO UPDATE SET ${TASK_UPDATES})`);
    // The finished-task counters (flow_node_task_count, migration 20261206100000): +1 for a task
    // entering a finished status, -1 for one leaving it (an undo). Every part of a statement reads
    // the snapshot taken before it, so `o` is the task as it was; ordered by key so two
    // transactions take the counter rows in the same order.
    parts.push(`counted AS (
      INSERT INTO flow_node_task_count ("flowName", "nodeName", status, slot, count)
      SELECT "flowName", "nodeName", status, slot, sum(delta) FROM (
        SELECT n."flowName", n."nodeName", n.status, hashtext(n."processId") & 7 AS slot, 1 AS delta
          FROM jsonb_populate_recordset(NULL::flow_task, ${tasks}) n LEFT JOIN flow_task o ON o.id = n.id
          WHERE n.status IN (${FINISHED_LIST}) AND o.status IS DISTINCT FROM n.status
        UNION ALL
        SELECT o."flowName", o."nodeName", o.status, hashtext(o."processId") & 7, -1
          FROM jsonb_populate_recordset(NULL::flow_task, ${tasks}) n JOIN flow_task o ON o.id = n.id
          WHERE o.status IN (${FINISHED_LIST}) AND o.status <> n.status
      ) AS d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT ("flowName", "nodeName", status, slot) DO UPDATE SET count = flow_node_task_count.count + EXCLUDED.count)`);
  }
  if (changes.previous.length > 0) {
    parts.push(`previous AS (
      INSERT INTO flow_task_previous ("taskId", "previousId")
      SELECT "taskId", "previousId" FROM jsonb_populate_recordset(NULL::flow_task_previous, ${param(changes.previous)})
      ON CONFLICT DO NOTHING)`);
  }
  if (changes.audit.length > 0) {
    parts.push(`audit AS (
      INSERT INTO flow_audit ("processId", "taskId", "userId", action, "fromStatus", "toStatus", at, details)
      SELECT "processId", "taskId", "userId", action, "fromStatus", "toStatus", at, details
        FROM jsonb_to_recordset(${param(changes.audit)}) AS a("processId" text, "taskId" text, "userId" text, action text,
          "fromStatus" text, "toStatus" text, at timestamptz, details jsonb))`);
  }
  if (changes.finishedDrafts.length > 0) {
    parts.push(`drafts AS (
      DELETE FROM flow_task_draft WHERE "taskId" IN (SELECT jsonb_array_elements_text(${param(changes.finishedDrafts)})))`);
  }
  const selects: string[] = [];
  if (changes.jobs.length > 0) {
    // A plain SELECT in WITH runs only when referenced, hence the count below.
    parts.push(`jobs AS (
      SELECT graphile_worker.add_job('flow_job', payload => j.payload, run_at => j."runAt",
        max_attempts => j."maxAttempts", job_key => j."jobKey")
      FROM jsonb_to_recordset(${param(changes.jobs)}) AS j(payload json, "runAt" timestamptz, "maxAttempts" int, "jobKey" text))`);
    selects.push(`(SELECT count(*) FROM jobs)`);
  }
  if (changes.notifications.length > 0) {
    selects.push(
      // Each payload gains `tx`, this transaction's id, so a page can tell whether it already shows
      // the change (lib/events/flow-snapshot.ts).
      `(SELECT count(*) FROM (SELECT pg_notify('${FLOW_NOTIFY_CHANNEL}', (n::jsonb || jsonb_build_object('tx', pg_current_xact_id()::text))::text)
        FROM jsonb_array_elements_text(${param(changes.notifications)}) AS n) AS sent)`,
    );
  }
  if (parts.length === 0 && selects.length === 0) return null;
  const sql = `${parts.length > 0 ? `WITH ${parts.join(",\n")}\n` : ""}SELECT ${selects.length > 0 ? selects.join(" + ") : "0"} AS n`;
  return { sql, params };
}

/** The process and flow a task belongs to (to lock a subprocess's parent). */
export async function selectTaskOwner(tx: Tx, taskId: string): Promise<{ processId: string; flowName: string } | null> {
  const rows = await rowsOf<{ processId: string; flowName: string }>(tx, `SELECT "processId", "flowName" FROM flow_task WHERE id = $1`, [
    taskId,
  ]);
  return rows[0] ?? null;
}
