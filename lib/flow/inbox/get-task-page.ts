import { pool } from "@/lib/db/pool";
import { rowOf, rowsOf, sql } from "@/lib/db/sql";
import { db } from "@/lib/db/client";
import { readableSql } from "@/lib/entities/access";
import { nodeOf, titleOf, type AnyFlow, type TaskStatus } from "@/lib/flow";
import type { Actor, TaskError, TaskRef } from "@/lib/flow/runtime";
import { withDefaults, type Parametrization, type ParamsDraft } from "@/lib/params";
import { formParametrization } from "./form-parametrization";
import { installed } from "@/lib/installation/install";
import { mayClaim, maySeeTask } from "./task-access";
import { can } from "@/lib/auth/permissions";

/** Everything the task page shows. */
export interface TaskPageData {
  readonly task: {
    readonly id: string;
    readonly processId: string;
    readonly flowName: string;
    readonly nodeName: string;
    readonly nodeKind: string;
    readonly nodeTitle: string;
    readonly status: TaskStatus;
    readonly title: string;
    readonly description: string;
    readonly assigneeId: string | null;
    readonly assigneeName: string | null;
    readonly ownerRole: string | null;
    readonly dueAt: string | null;
    readonly createdAt: string;
    readonly finishedAt: string | null;
    readonly data: unknown;
    readonly error: TaskError | null;
  };
  readonly process: {
    readonly id: string;
    readonly status: string;
    readonly data: Record<string, unknown>;
    readonly createdById: string;
    readonly startedByName: string;
  };
  /** The task's form laid out as a parametrization (view tasks only). */
  readonly form: Parametrization | null;
  /** What the form starts with: the user's saved draft, or the process data's fields of the same names. */
  readonly initial: ParamsDraft;
  readonly draftSavedAt: string | null;
  readonly can: { readonly complete: boolean; readonly claim: boolean; readonly cancel: boolean; readonly reassign: boolean };
  /** The entity under review at the revision in the process data, when the user may read it. */
  readonly entity: {
    readonly id: string;
    readonly type: string;
    readonly name: string;
    readonly revision: number | null;
    readonly params: ParamsDraft;
  } | null;
  /** Users an admin may reassign to: holders of the task's role. */
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
}

type Row = {
  id: string;
  processId: string;
  flowName: string;
  nodeName: string;
  nodeKind: string;
  status: string;
  title: string;
  description: string;
  assigneeId: string | null;
  assigneeName: string | null;
  ownerRole: string | null;
  dueAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  finishedById: string | null;
  data: unknown;
  error: TaskError | null;
  processStatus: string;
  processData: Record<string, unknown>;
  processCreatedById: string;
  startedByName: string;
};

/**
 * The task of `ref` (flow, process and task checked together, as the URL gives them) for the actor:
 * "not_found" when there is no such triple, "forbidden" when it exists but is not for them.
 */
export async function getTaskPage(actor: Actor, ref: TaskRef): Promise<TaskPageData | "not_found" | "forbidden"> {
  const [row] = await rowsOf<Row>(
    pool,
    sql`
    SELECT t.id, t."processId", t."flowName", t."nodeName", t."nodeKind", t.status, t.title, t.description, t."assigneeId",
      a.name AS "assigneeName", t."ownerRole", t."dueAt", t."createdAt", t."finishedAt", t."finishedById", t.data, t.error,
      p.status AS "processStatus", p.data AS "processData", p."createdById" AS "processCreatedById", u.name AS "startedByName"
    FROM flow_task t JOIN flow_process p ON p.id = t."processId" JOIN "user" u ON u.id = p."createdById"
    LEFT JOIN "user" a ON a.id = t."assigneeId"
    WHERE t.id = ${ref.taskId} AND t."processId" = ${ref.processId} AND t."flowName" = ${ref.flow} AND p."flowName" = ${ref.flow}`,
  );
  if (!row) return "not_found";
  const flow: AnyFlow | null = installed().flows.flows.find((candidate) => candidate.name === row.flowName) ?? null;
  const facts = { ...row };
  if (!maySeeTask(actor, flow, facts)) return "forbidden";
  const node = flow ? nodeOf(flow, row.nodeName) : null;
  const open = ["new", "assigned", "started"].includes(row.status);
  const isView = node?.kind === "view";
  const claimable = mayClaim(actor, flow, facts);
  const mine = row.assigneeId === actor.id;
  const admin = can(actor, "flow.manage");
  const form = isView ? formParametrization(node.form) : null;

  const draft = isView ? await db.flowTaskDraft.findUnique({ where: { taskId_userId: { taskId: row.id, userId: actor.id } } }) : null;
  const initial = form ? initialValues(form, row.processData, (draft?.data ?? null) as ParamsDraft | null) : {};
  const entity = await entityAt(actor, row.processData);
  if (
    form &&
    !draft &&
    entity &&
    "revision" in form.layout &&
    entity.revision !== null &&
    row.processData.revision !== undefined &&
    row.nodeKind === "view"
  ) {
    // A revise task: offer the entity's latest saved version as the revision to submit.
    const latest = await db.entity.findUnique({ where: { id: entity.id }, select: { version: true } });
    if (latest && row.assigneeId === actor.id) initial.revision = String(latest.version);
  }
  const candidates =
    admin && isView && open && row.ownerRole
      ? await db.user.findMany({
          where: { roles: { has: row.ownerRole }, disabled: false },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
          take: 200,
        })
      : [];
  return {
    task: {
      id: row.id,
      processId: row.processId,
      flowName: row.flowName,
      nodeName: row.nodeName,
      nodeKind: row.nodeKind,
      nodeTitle: node ? titleOf(node) : row.nodeName,
      status: row.status as TaskStatus,
      title: row.title,
      description: row.description,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeName,
      ownerRole: row.ownerRole,
      dueAt: row.dueAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      data: row.data,
      error: row.error,
    },
    process: {
      id: row.processId,
      status: row.processStatus,
      data: row.processData,
      createdById: row.processCreatedById,
      startedByName: row.startedByName,
    },
    form,
    initial,
    draftSavedAt: draft?.updatedAt.toISOString() ?? null,
    can: {
      complete: isView && open && (mine || claimable),
      claim: isView && claimable,
      cancel: admin && (open || row.status === "error" || row.status === "scheduled"),
      reassign: admin && isView && open,
    },
    entity,
    candidates,
  };
}

function initialValues(form: Parametrization, processData: Record<string, unknown>, draft: ParamsDraft | null): ParamsDraft {
  const fromProcess: ParamsDraft = {};
  for (const key of Object.keys(form.layout))
    if (key in processData && processData[key] !== undefined) fromProcess[key] = processData[key] as never;
  return withDefaults(form, { ...fromProcess, ...(draft ?? {}) });
}

/** The entity a process concerns (`entityId`), at the process data's `revision` when it has one; null when the actor may not read it. */
async function entityAt(actor: Actor, data: Record<string, unknown>): Promise<TaskPageData["entity"]> {
  const entityId = typeof data.entityId === "string" ? data.entityId : null;
  if (!entityId) return null;
  const version = Number(data.revision);
  // The entity's access decided in the statement, by the predicate every read of an entity uses (lib/entities/access.ts).
  const entity = await rowOf<{ id: string; type: string; name: string; params: unknown; revision: number | null; revisionParams: unknown }>(
    pool,
    sql`SELECT e."id", e."type", e."name", e."params", r."version" AS "revision", r."params" AS "revisionParams"
          FROM "entity" e LEFT JOIN "entity_revision" r ON r."entityId" = e."id" AND r."version" = ${Number.isInteger(version) ? version : null}
         WHERE e."id" = ${entityId} AND ${readableSql({ id: actor.id, roles: [...actor.roles] }, "e")}`,
  );
  if (!entity) return null;
  const type = installed().entityType(entity.type);
  const params = (entity.revision !== null ? entity.revisionParams : entity.params) as ParamsDraft;
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    revision: entity.revision,
    params: type ? withDefaults(type.params, params) : params,
  };
}
