/**
 * Checks the stored state of every process against what the runtime promises, and lists what is
 * wrong (nothing, when all is well). Run after a concurrency storm or a fault test; cheap enough for
 * a test database, not meant for a production one with a million tasks.
 */
import { pool } from "@/lib/db/pool";
import { rowsOf, type Queryable } from "@/lib/db/sql";
import { PROCESS_STATUSES, TASK_ACTIONS, TASK_STATUSES, TASK_TRANSITIONS, type TaskAction, type TaskStatus } from "@/lib/flow";
import { OPEN_STATUSES } from "./rows";

type Row = Record<string, unknown>;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");
const OPEN = list(OPEN_STATUSES);

/** Each check: a query whose rows are violations, and how to say one. */
const CHECKS: { name: string; sql: string; say: (row: Row) => string }[] = [
  {
    name: "task status",
    sql: `SELECT id, status FROM flow_task WHERE status NOT IN (${list(TASK_STATUSES)})`,
    say: (r) => `task ${r.id} has unknown status ${r.status}`,
  },
  {
    name: "process status",
    sql: `SELECT id, status FROM flow_process WHERE status NOT IN (${list(PROCESS_STATUSES)})`,
    say: (r) => `process ${r.id} has unknown status ${r.status}`,
  },
  {
    name: "task and process agree on the flow",
    sql: `SELECT t.id FROM flow_task t JOIN flow_process p ON p.id = t."processId" WHERE t."flowName" <> p."flowName"`,
    say: (r) => `task ${r.id} names another flow than its process`,
  },
  {
    name: "an active process has something open",
    sql: `SELECT p.id, p.status FROM flow_process p WHERE p.status IN ('running', 'error')
            AND NOT EXISTS (SELECT 1 FROM flow_task t WHERE t."processId" = p.id AND t.status IN (${OPEN}))`,
    say: (r) => `process ${r.id} is ${r.status} with no open task: nothing can move it on`,
  },
  {
    name: "a finished process has nothing open",
    sql: `SELECT p.id, p.status, count(t.id) AS open FROM flow_process p JOIN flow_task t ON t."processId" = p.id
           WHERE p.status IN ('done', 'canceled') AND t.status IN (${OPEN}) GROUP BY p.id, p.status`,
    say: (r) => `process ${r.id} is ${r.status} but has ${r.open} open task(s)`,
  },
  {
    name: "a finished process has a finish time",
    sql: `SELECT id FROM flow_process WHERE (status IN ('done', 'canceled')) <> ("finishedAt" IS NOT NULL)`,
    say: (r) => `process ${r.id} has a finish time that does not match its status`,
  },
  {
    name: "error status matches tasks in error",
    sql: `SELECT p.id, p.status FROM flow_process p WHERE p.status IN ('running', 'error')
            AND (p.status = 'error') <> EXISTS (SELECT 1 FROM flow_task t WHERE t."processId" = p.id AND t.status = 'error')`,
    say: (r) => `process ${r.id} is ${r.status}, which does not match whether a task of it is in error`,
  },
  {
    name: "owners",
    sql: `SELECT id, status FROM flow_task WHERE "nodeKind" = 'view'
            AND ((status IN ('assigned', 'started') AND "assigneeId" IS NULL) OR (status = 'new' AND ("assigneeId" IS NOT NULL OR "ownerRole" IS NULL)))`,
    say: (r) => `view task ${r.id} is ${r.status} with an owner or queue that does not fit`,
  },
  {
    name: "done tasks",
    sql: `SELECT id FROM flow_task WHERE status = 'done' AND ("finishedAt" IS NULL OR ("nodeKind" = 'view' AND "finishedById" IS NULL))`,
    say: (r) => `done task ${r.id} lacks its finish time or the person who did it`,
  },
  {
    name: "one waiting join per split",
    sql: `SELECT "processId", "nodeName", data->>'split' AS split, count(*) AS n FROM flow_task
           WHERE "nodeKind" = 'join' AND status IN (${OPEN}) GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    say: (r) => `process ${r.processId} has ${r.n} open joins "${r.nodeName}" for split ${r.split}`,
  },
  {
    // An arrival carries one of the branches, or one under it through first splits only: a first
    // split's winner may go on to the join of the split around it (activate.ts joinedToken).
    name: "joins receive only their split's branches",
    sql: `SELECT j.id, a.token FROM flow_task j JOIN flow_task_previous l ON l."taskId" = j.id JOIN flow_task a ON a.id = l."previousId"
           WHERE j."nodeKind" = 'join' AND NOT (j.data->'branches' ? coalesce(a.token, '') OR a.id = j.data->>'split'
             OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(j.data->'branches') b(token) WHERE a.token LIKE b.token || '/%'
               AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(substr(a.token, length(b.token) + 2), '/')) s(part)
                 WHERE NOT EXISTS (SELECT 1 FROM flow_task f WHERE f."processId" = j."processId" AND f."nodeKind" = 'splitFirst'
                   AND f.id = left(s.part, length(s.part) - position('.' in reverse(s.part)))))))`,
    say: (r) => `join ${r.id} received a task on branch ${r.token}, which its split did not open`,
  },
  {
    name: "a done join left nothing open on its branches",
    sql: `SELECT j.id, t.id AS open FROM flow_task j CROSS JOIN LATERAL jsonb_array_elements_text(j.data->'branches') b(token)
           JOIN flow_task t ON t."processId" = j."processId" AND t.status IN (${OPEN}) AND (t.token = b.token OR t.token LIKE b.token || '/%')
           WHERE j."nodeKind" = 'join' AND j.status = 'done'`,
    say: (r) => `join ${r.id} is done though task ${r.open} is still open on one of its branches`,
  },
  {
    name: "one open task of a node on a branch",
    sql: `SELECT "processId", "nodeName", token, count(*) AS n FROM flow_task WHERE status IN (${OPEN})
           GROUP BY "processId", "nodeName", token HAVING count(*) > 1`,
    say: (r) => `process ${r.processId} has ${r.n} open tasks of node "${r.nodeName}" on branch ${r.token ?? "(none)"}: it would run twice`,
  },
  {
    name: "a waiting subprocess has a child running",
    sql: `SELECT t.id FROM flow_task t WHERE t."nodeKind" = 'subprocess' AND t.status = 'started'
            AND NOT EXISTS (SELECT 1 FROM flow_process c WHERE c."parentTaskId" = t.id AND c.status IN ('running', 'error'))`,
    say: (r) => `subprocess task ${r.id} waits for a child process that is not running`,
  },
  {
    // Kept by writeStatement (queries.ts) for the flows page; any other write to flow_task would skew them.
    name: "the finished-task counters match the finished tasks",
    sql: `SELECT "flowName", "nodeName", status, slot, coalesce(t.n, 0) AS tasks, coalesce(c.count, 0) AS counted
            FROM (SELECT "flowName", "nodeName", status, hashtext("processId") & 7 AS slot, count(*) AS n FROM flow_task
                   WHERE status NOT IN (${OPEN}) GROUP BY 1, 2, 3, 4) t
            FULL JOIN flow_node_task_count c USING ("flowName", "nodeName", status, slot)
           WHERE coalesce(t.n, 0) <> coalesce(c.count, 0)`,
    say: (r) =>
      `the flows page counts ${r.counted} ${r.status} tasks of ${r.flowName}/${r.nodeName} (slot ${r.slot}), but ${r.tasks} are stored`,
  },
];

/** Checks that need the job queue's schema. */
const QUEUE_CHECKS: typeof CHECKS = [
  {
    name: "a scheduled job is in the queue",
    sql: `SELECT t.id FROM flow_task t WHERE t.status = 'scheduled'
            AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.key = 'flow-task:' || t.id)`,
    say: (r) => `job task ${r.id} is scheduled but no queue job has its key`,
  },
];

/** Every violation found, as sentences; empty when the stored state is consistent. */
export async function checkInvariants(client: Queryable = pool): Promise<string[]> {
  const problems: string[] = [];
  const queue = await rowsOf<{ present: boolean }>(client, `SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS present`);
  for (const check of [...CHECKS, ...(queue[0]?.present ? QUEUE_CHECKS : [])]) {
    const rows = await rowsOf<Row>(client, check.sql);
    problems.push(...rows.map((row) => `${check.name}: ${check.say(row)}`));
  }
  problems.push(...(await auditProblems(client)));
  return problems;
}

type AuditRow = { taskId: string; action: string; fromStatus: string | null; toStatus: string | null; status: string };

/**
 * Replays each task's audit trail through the status table: it must start with its creation, every
 * step must be a legal transition from where the last one left it, it must end at the stored
 * status, and no task may be completed twice.
 */
async function auditProblems(client: Queryable): Promise<string[]> {
  const rows = await rowsOf<AuditRow>(
    client,
    `SELECT a."taskId", a.action, a."fromStatus", a."toStatus", t.status FROM flow_audit a JOIN flow_task t ON t.id = a."taskId" ORDER BY a."taskId", a.id`,
  );
  const problems: string[] = [];
  const byTask = new Map<string, AuditRow[]>();
  for (const row of rows) byTask.set(row.taskId, [...(byTask.get(row.taskId) ?? []), row]);
  for (const [taskId, trail] of byTask) {
    const [first, ...rest] = trail;
    if (!first || first.action !== "create" || first.toStatus !== "new") {
      problems.push(`audit: task ${taskId}'s trail does not start with its creation`);
      continue;
    }
    let status = first.toStatus as TaskStatus;
    let completions = 0;
    for (const step of rest) {
      if (step.fromStatus !== status) problems.push(`audit: task ${taskId} went from ${step.fromStatus} though it was ${status}`);
      if ((TASK_ACTIONS as readonly string[]).includes(step.action)) {
        const rule = TASK_TRANSITIONS[step.action as TaskAction];
        if (!(rule.from as readonly string[]).includes(step.fromStatus ?? "") || rule.to !== step.toStatus) {
          problems.push(
            `audit: task ${taskId} did ${step.action} from ${step.fromStatus} to ${step.toStatus}, which the status table forbids`,
          );
        }
      } else if (step.fromStatus !== step.toStatus) {
        problems.push(`audit: task ${taskId} changed status by "${step.action}", which is not a transition`);
      }
      if (step.action === "complete") completions += 1;
      status = step.toStatus as TaskStatus;
    }
    if (completions > 1) problems.push(`audit: task ${taskId} was completed ${completions} times`);
    if (status !== first.status) problems.push(`audit: task ${taskId}'s trail ends at ${status} but it is ${first.status}`);
  }
  return problems;
}
