import { pool } from "@/lib/db/pool";
import { empty, rowsOf, sql, type Sql } from "@/lib/db/sql";
import type { Actor } from "@/lib/flow/runtime";
import { decodeCursor, PAGE_SIZE, pageOf } from "./cursor";
import {
  listFilters,
  TASK_LIST_COLUMNS,
  taskListJoins,
  toListItem,
  type ListFilters,
  type TaskListRow,
  type TaskPage,
} from "./task-list-item";

/** The statuses of a task in someone's inbox: given to them and not done yet. */
export const INBOX_STATUSES = ["new", "assigned", "started"] as const;

/**
 * The signed-in user's inbox: the open tasks assigned to them, newest first, a page at a time.
 * Rides flow_task_assigneeId_status_createdAt_idx (bench/inbox.ts records the plan).
 */
export async function listInbox(
  actor: Actor,
  filters: ListFilters = {},
  options: { now?: Date; pageSize?: number } = {},
): Promise<TaskPage> {
  const size = options.pageSize ?? PAGE_SIZE;
  const rows = await rowsOf<TaskListRow>(pool, inboxStatement(actor, filters, size + 1));
  const now = options.now ?? new Date();
  const page = pageOf(rows, size, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
  return { items: page.items.map((row) => toListItem(row, now)), nextCursor: page.nextCursor };
}

/** @internal The statement listInbox runs (bench/inbox.ts checks its plan). */
export function inboxStatement(actor: Actor, filters: ListFilters, limit: number): Sql {
  const cursor = decodeCursor(filters.cursor);
  const statuses =
    filters.status && (INBOX_STATUSES as readonly string[]).includes(filters.status) ? [filters.status] : [...INBOX_STATUSES];
  return sql`
    SELECT ${TASK_LIST_COLUMNS}
    FROM flow_task t ${taskListJoins(actor)}
    WHERE t."assigneeId" = ${actor.id} AND t.status = ANY(${statuses}::text[])
      ${listFilters(filters)}
      ${cursor ? sql`AND (t."createdAt", t.id) < (${new Date(cursor.at)}, ${cursor.id})` : empty}
    ORDER BY t."createdAt" DESC, t.id DESC
    LIMIT ${limit}`;
}
