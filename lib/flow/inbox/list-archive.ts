import { pool } from "@/lib/db/pool";
import { readableSql } from "@/lib/entities/access";
import { empty, rowsOf, sql } from "@/lib/db/sql";
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

/** The human (view) tasks the user completed, most recently finished first (flow_task_finishedById_finishedAt_idx). */
export async function listArchive(
  actor: Actor,
  filters: ListFilters = {},
  options: { now?: Date; pageSize?: number } = {},
): Promise<TaskPage> {
  const size = options.pageSize ?? PAGE_SIZE;
  const cursor = decodeCursor(filters.cursor);
  const rows = await rowsOf<TaskListRow & { finishedAt: Date }>(
    pool,
    sql`
    SELECT ${TASK_LIST_COLUMNS}
    FROM flow_task t ${taskListJoins(actor)}
    WHERE t."finishedById" = ${actor.id} AND t."finishedAt" IS NOT NULL AND t."nodeKind" = 'view'
      ${listFilters(filters)}
      ${cursor ? sql`AND (t."finishedAt", t.id) < (${new Date(cursor.at)}, ${cursor.id})` : empty}
    ORDER BY t."finishedAt" DESC, t.id DESC
    LIMIT ${size + 1}`,
  );
  const now = options.now ?? new Date();
  const page = pageOf(rows, size, (row) => ({ at: row.finishedAt.toISOString(), id: row.id }));
  return { items: page.items.map((row) => toListItem(row, now)), nextCursor: page.nextCursor };
}

/** A process the user started, with its outcome. */
export interface StartedProcess {
  readonly id: string;
  readonly flowName: string;
  readonly status: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** The end node it reached, when done. */
  readonly outcome: string | null;
  readonly entity: { readonly id: string; readonly name: string } | null;
}

/** The processes the user started, newest first (flow_process_createdById_createdAt_idx). */
export async function listStartedProcesses(
  actor: Actor,
  filters: Pick<ListFilters, "cursor" | "flow"> = {},
  options: { pageSize?: number } = {},
): Promise<{ items: StartedProcess[]; nextCursor: string | null }> {
  const size = options.pageSize ?? PAGE_SIZE;
  const cursor = decodeCursor(filters.cursor);
  const rows = await rowsOf<{
    id: string;
    flowName: string;
    status: string;
    createdAt: Date;
    finishedAt: Date | null;
    outcome: string | null;
    entityId: string | null;
    entityName: string | null;
  }>(
    pool,
    sql`
    SELECT p.id, p."flowName", p.status, p."createdAt", p."finishedAt", e.id AS "entityId", e.name AS "entityName",
      (SELECT t.title FROM flow_task t WHERE t."processId" = p.id AND t."nodeKind" = 'end' AND t.status = 'done' LIMIT 1) AS outcome
    FROM flow_process p LEFT JOIN entity e ON e.id = p.data->>'entityId' AND ${readableSql(actor, "e")}
    WHERE p."createdById" = ${actor.id}
      ${filters.flow ? sql`AND p."flowName" = ${filters.flow}` : empty}
      ${cursor ? sql`AND (p."createdAt", p.id) < (${new Date(cursor.at)}, ${cursor.id})` : empty}
    ORDER BY p."createdAt" DESC, p.id DESC
    LIMIT ${size + 1}`,
  );
  const page = pageOf(rows, size, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      flowName: row.flowName,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      outcome: row.outcome,
      entity: row.entityId && row.entityName ? { id: row.entityId, name: row.entityName } : null,
    })),
    nextCursor: page.nextCursor,
  };
}
