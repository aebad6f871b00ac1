import { pool } from "@/lib/db/pool";
import { empty, rowsOf, sql, type Sql } from "@/lib/db/sql";
import { decodeCursor, pageOf, PAGE_SIZE, type Cursor } from "./cursor";
import { db } from "@/lib/db/client";
import { flowGraph, type FlowGraph } from "@/lib/flow";
import type { Actor, ProcessRef, TaskError } from "@/lib/flow/runtime";
import { FLOW_FILES_WORKSPACE } from "@/lib/jobs/job-services";
import { installed } from "@/lib/installation/install";
import { can } from "@/lib/auth/permissions";

export interface ProcessTask {
  readonly id: string;
  readonly nodeName: string;
  readonly nodeKind: string;
  readonly status: string;
  readonly title: string;
  readonly assigneeName: string | null;
  readonly ownerRole: string | null;
  readonly finishedByName: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: TaskError | null;
  readonly previous: readonly string[];
}

export interface ProcessPageData {
  readonly process: {
    readonly id: string;
    readonly flowName: string;
    readonly flowVersion: number;
    readonly status: string;
    readonly data: Record<string, unknown>;
    readonly startedByName: string;
    readonly createdById: string;
    readonly createdAt: string;
    readonly finishedAt: string | null;
  };
  readonly tasks: readonly ProcessTask[];
  readonly audit: readonly {
    readonly id: string;
    readonly taskId: string | null;
    readonly userName: string | null;
    readonly action: string;
    readonly fromStatus: string | null;
    readonly toStatus: string | null;
    readonly at: string;
    readonly details: unknown;
  }[];
  readonly graph: FlowGraph | null;
  /** Files the process's jobs stored (e.g. the report PDF), by name. */
  readonly files: readonly { readonly name: string; readonly size: number; readonly contentType: string }[];
  readonly can: { readonly cancel: boolean };
}

/**
 * A process with every task, its audit trail, its flow's graph and its files, or "not_found" /
 * "forbidden". Visible to admins, to who started it, and to whoever has, had or may take a task in it.
 */
export async function getProcessPage(actor: Actor, ref: ProcessRef): Promise<ProcessPageData | "not_found" | "forbidden"> {
  const process = await db.flowProcess.findFirst({
    where: { id: ref.processId, flowName: ref.flow },
    include: { createdBy: { select: { name: true } } },
  });
  if (!process) return "not_found";
  const tasks = await db.flowTask.findMany({
    where: { processId: process.id },
    // Tasks made in one transaction share a time: the finished one (the earlier step) goes first.
    orderBy: [{ createdAt: "asc" }, { finishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    include: { assignee: { select: { name: true } }, finishedBy: { select: { name: true } }, previous: { select: { previousId: true } } },
  });
  const admin = can(actor, "flow.manage");
  const involved =
    admin ||
    process.createdById === actor.id ||
    tasks.some(
      (task) =>
        task.assigneeId === actor.id ||
        task.finishedById === actor.id ||
        (task.ownerRole !== null && actor.roles.some((role) => role === task.ownerRole)),
    );
  if (!involved) return "forbidden";
  const audit = await db.flowAudit.findMany({ where: { processId: process.id }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 500 });
  const userIds = [...new Set(audit.map((row) => row.userId).filter((id): id is string => id !== null))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const files = await db.storageObject.findMany({
    where: { workspace: FLOW_FILES_WORKSPACE, key: { startsWith: `${process.id}/` } },
    select: { key: true, size: true, contentType: true },
    orderBy: { key: "asc" },
  });
  const flow = installed().flows.flows.find((candidate) => candidate.name === process.flowName);
  return {
    process: {
      id: process.id,
      flowName: process.flowName,
      flowVersion: process.flowVersion,
      status: process.status,
      data: process.data as Record<string, unknown>,
      startedByName: process.createdBy.name,
      createdById: process.createdById,
      createdAt: process.createdAt.toISOString(),
      finishedAt: process.finishedAt?.toISOString() ?? null,
    },
    tasks: tasks.map((task) => ({
      id: task.id,
      nodeName: task.nodeName,
      nodeKind: task.nodeKind,
      status: task.status,
      title: task.title,
      assigneeName: task.assignee?.name ?? null,
      ownerRole: task.ownerRole,
      finishedByName: task.finishedBy?.name ?? null,
      createdAt: task.createdAt.toISOString(),
      startedAt: task.startedAt?.toISOString() ?? null,
      finishedAt: task.finishedAt?.toISOString() ?? null,
      error: task.error as TaskError | null,
      previous: task.previous.map((link) => link.previousId),
    })),
    audit: audit.map((row) => ({
      id: String(row.id),
      taskId: row.taskId,
      userName: row.userId ? (users.get(row.userId) ?? null) : null,
      action: row.action,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      at: row.at.toISOString(),
      details: row.details,
    })),
    graph: flow ? flowGraph(flow) : null,
    files: files.map((file) => ({ name: file.key.slice(process.id.length + 1), size: Number(file.size), contentType: file.contentType })),
    can: { cancel: admin && (process.status === "running" || process.status === "error") },
  };
}

/** One process of an entity, with where it is. */
export interface EntityProcess {
  readonly id: string;
  readonly flowName: string;
  readonly status: string;
  readonly createdAt: string;
  readonly current: string[];
}

/**
 * @internal A page of an entity's processes, newest first, with where each one is; the next page
 * after `cursor` (keyset on createdAt, id). The caller has checked the user may see the entity.
 */
export async function listEntityProcesses(
  entityId: string,
  cursor: string | null = null,
  size = PAGE_SIZE,
): Promise<{ items: EntityProcess[]; nextCursor: string | null }> {
  const rows = await rowsOf<{ id: string; flowName: string; status: string; createdAt: Date; current: string[] | null }>(
    pool,
    entityProcessesStatement(entityId, decodeCursor(cursor), size + 1),
  );
  const page = pageOf(rows, size, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      flowName: row.flowName,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      current: row.current ?? [],
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * @internal The statement of listEntityProcesses: one range of flow_process_entityId_createdAt_idx,
 * read in order from the cursor (bench/inbox.ts checks the plan).
 */
export function entityProcessesStatement(entityId: string, cursor: Cursor | null = null, limit = PAGE_SIZE + 1): Sql {
  return sql`
    SELECT p.id, p."flowName", p.status, p."createdAt",
      (SELECT array_agg(t.title ORDER BY t."createdAt") FROM flow_task t WHERE t."processId" = p.id AND t.status IN ('new', 'assigned', 'scheduled', 'started', 'error')) AS current
    FROM flow_process p WHERE p.data->>'entityId' = ${entityId}
      ${cursor ? sql`AND (p."createdAt", p.id) < (${new Date(cursor.at)}, ${cursor.id})` : empty}
    ORDER BY p."createdAt" DESC, p.id DESC LIMIT ${limit}`;
}
