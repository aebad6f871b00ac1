import { empty, join, sql, type Sql } from "@/lib/db/sql";
import type { TaskStatus } from "@/lib/flow";
import type { Actor } from "@/lib/flow/runtime";
import { readableSql } from "@/lib/entities/access";

/** One row of the inbox, queue or archive: the task, its process, and the entity it concerns. */
export interface TaskListItem {
  readonly id: string;
  readonly processId: string;
  readonly flowName: string;
  readonly nodeName: string;
  readonly status: TaskStatus;
  readonly title: string;
  readonly description: string;
  readonly priority: number;
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
  readonly ownerRole: string | null;
  readonly createdAt: string;
  readonly dueAt: string | null;
  readonly finishedAt: string | null;
  readonly overdue: boolean;
  readonly processStatus: string;
  readonly startedByName: string;
  /** The entity the process concerns (its data's `entityId`), when it has one the user may see listed. */
  readonly entity: { readonly id: string; readonly name: string; readonly type: string } | null;
}

/** @internal The raw row the list queries select. */
export interface TaskListRow {
  id: string;
  processId: string;
  flowName: string;
  nodeName: string;
  status: string;
  title: string;
  description: string;
  priority: number;
  assigneeId: string | null;
  assigneeName: string | null;
  ownerRole: string | null;
  createdAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  processStatus: string;
  processCreatedById: string;
  processData: unknown;
  startedByName: string;
  entityId: string | null;
  entityName: string | null;
  entityType: string | null;
}

/**
 * @internal The columns every list selects, with the process, its starter and the entity joined by
 * primary key (one index lookup per listed row, never a scan). Tables are aliased t, p, u, a, e.
 */
export const TASK_LIST_COLUMNS = sql`
  t.id, t."processId", t."flowName", t."nodeName", t.status, t.title, t.description, t.priority,
  t."assigneeId", a.name AS "assigneeName", t."ownerRole", t."createdAt", t."dueAt", t."finishedAt",
  p.status AS "processStatus", p."createdById" AS "processCreatedById", p.data AS "processData",
  u.name AS "startedByName", e.id AS "entityId", e.name AS "entityName", e.type AS "entityType"`;

/**
 * @internal The joins that go with TASK_LIST_COLUMNS. The entity is joined only where the actor
 * may read it, by the predicate every read of an entity uses (lib/entities/access.ts): `true` for
 * reviewers and admins, a few index probes a row for an engineer.
 */
export function taskListJoins(actor: Actor): Sql {
  return sql`
  JOIN flow_process p ON p.id = t."processId"
  JOIN "user" u ON u.id = p."createdById"
  LEFT JOIN "user" a ON a.id = t."assigneeId"
  LEFT JOIN entity e ON e.id = p.data->>'entityId' AND ${readableSql(actor, "e")}`;
}

/** @internal Optional filters shared by the lists: flow, status, words of the title. */
export function listFilters(filters: ListFilters): Sql {
  const parts: Sql[] = [];
  if (filters.flow) parts.push(sql`AND t."flowName" = ${filters.flow}`);
  if (filters.search) parts.push(sql`AND t.title ILIKE ${`%${escapeLike(filters.search)}%`}`);
  return parts.length ? join(parts, " ") : empty;
}

export interface ListFilters {
  readonly flow?: string | null;
  readonly status?: string | null;
  readonly search?: string | null;
  readonly cursor?: string | null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** @internal A raw row as the browser sees it. */
export function toListItem(row: TaskListRow, now: Date): TaskListItem {
  return {
    id: row.id,
    processId: row.processId,
    flowName: row.flowName,
    nodeName: row.nodeName,
    status: row.status as TaskStatus,
    title: row.title,
    description: row.description,
    priority: row.priority,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    ownerRole: row.ownerRole,
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    overdue: row.dueAt !== null && row.finishedAt === null && row.dueAt.getTime() < now.getTime(),
    processStatus: row.processStatus,
    startedByName: row.startedByName,
    entity: row.entityId && row.entityName && row.entityType ? { id: row.entityId, name: row.entityName, type: row.entityType } : null,
  };
}

/** A page of a list. */
export interface TaskPage {
  readonly items: readonly TaskListItem[];
  readonly nextCursor: string | null;
}
