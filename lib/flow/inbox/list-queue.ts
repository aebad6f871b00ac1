import { pool } from "@/lib/db/pool";
import { empty, join, rowsOf, sql, type Sql } from "@/lib/db/sql";
import { isPermitted, nodeOf } from "@/lib/flow";
import type { Actor, FlowRegistry } from "@/lib/flow/runtime";
import { decodeCursor, encodeCursor, PAGE_SIZE, type Cursor } from "./cursor";
import { installed } from "@/lib/installation/install";
import {
  listFilters,
  TASK_LIST_COLUMNS,
  taskListJoins,
  toListItem,
  type ListFilters,
  type TaskListRow,
  type TaskPage,
} from "./task-list-item";

/** How many batches a queue page reads at most while it skips tasks the node's permission refuses the user. */
const MAX_BATCHES = 4;

/**
 * The unassigned tasks the user may take: offered to one of their roles' queues, still new, and
 * admitted by the node's permission (four eyes: a reviewer does not see the review of their own
 * revision). Newest first. One ordered, limited index range per role on
 * flow_task_ownerRole_status_createdAt_idx, merged: never a sort of a whole role's queue.
 */
export async function listQueue(
  actor: Actor,
  filters: ListFilters = {},
  options: { now?: Date; pageSize?: number } = {},
): Promise<TaskPage> {
  const size = options.pageSize ?? PAGE_SIZE;
  const roles = [...actor.roles];
  if (roles.length === 0) return { items: [], nextCursor: null };
  const registry = installed().flows;
  const now = options.now ?? new Date();
  const kept: TaskListRow[] = [];
  let cursor: Cursor | null = decodeCursor(filters.cursor);
  let more = true;
  for (let batch = 0; batch < MAX_BATCHES && kept.length <= size && more; batch++) {
    const rows = await queueBatch(actor, filters, cursor, size + 1);
    more = rows.length === size + 1;
    for (const row of rows) {
      cursor = { at: row.createdAt.toISOString(), id: row.id };
      if (mayTake(registry, row, actor)) kept.push(row);
      if (kept.length > size) break;
    }
  }
  const items = kept.slice(0, size);
  const last = items.at(-1);
  const hasMore = kept.length > size || more;
  const next = kept.length > size && last ? { at: last.createdAt.toISOString(), id: last.id } : hasMore ? cursor : null;
  return { items: items.map((row) => toListItem(row, now)), nextCursor: next ? encodeCursor(next) : null };
}

function queueBatch(actor: Actor, filters: ListFilters, cursor: Cursor | null, limit: number): Promise<TaskListRow[]> {
  return rowsOf<TaskListRow>(pool, queueBatchStatement(actor, filters, cursor, limit));
}

/** @internal The statement of one batch of listQueue (bench/inbox.ts checks its plan). */
export function queueBatchStatement(actor: Actor, filters: ListFilters, cursor: Cursor | null, limit: number): Sql {
  const roles = [...actor.roles];
  const after = cursor ? sql`AND (t."createdAt", t.id) < (${new Date(cursor.at)}, ${cursor.id})` : empty;
  const perRole = roles.map(
    (role) => sql`(
      SELECT t.id, t."createdAt" FROM flow_task t
      WHERE t."ownerRole" = ${role} AND t.status = 'new' AND t."assigneeId" IS NULL ${listFilters(filters)} ${after}
      ORDER BY t."createdAt" DESC, t.id DESC LIMIT ${limit})`,
  );
  return sql`
    SELECT ${TASK_LIST_COLUMNS}
    FROM (${join(perRole, " UNION ")}) q
    JOIN flow_task t ON t.id = q.id ${taskListJoins(actor)}
    ORDER BY t."createdAt" DESC, t.id DESC
    LIMIT ${limit}`;
}

function mayTake(registry: FlowRegistry, row: TaskListRow, actor: Actor): boolean {
  const flow = registry.flows.find((candidate) => candidate.name === row.flowName);
  if (!flow) return false;
  const node = nodeOf(flow, row.nodeName);
  if (node.kind !== "view") return false;
  return isPermitted(node.permission, {
    process: { id: row.processId, data: (row.processData ?? {}) as never, createdBy: row.processCreatedById },
    task: { id: row.id, node: row.nodeName, ownerId: null },
    user: actor,
  });
}
