import { pool } from "@/lib/db/pool";
import { rowsOf, sql } from "@/lib/db/sql";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { mayClaim, type TaskFacts } from "@/lib/flow/inbox/task-access";
import { FlowError } from "./errors";
import type { Actor, TaskRef } from "./lock-process";
import { installed } from "@/lib/installation/install";

/** How big a draft may be, in bytes of JSON. */
const MAX_DRAFT_BYTES = 64 * 1024;

/**
 * Saves the user's half-filled form of an open task they may do (theirs, or in their queue), so it is
 * there again after a reload or on another machine. Drafts are per user: nobody else sees them.
 * @throws {FlowError} not_found (no such task, or not one for this user), invalid_input (too big)
 */
export async function saveTaskDraft(actor: Actor, ref: TaskRef, data: Record<string, unknown>): Promise<{ savedAt: string }> {
  if (JSON.stringify(data).length > MAX_DRAFT_BYTES)
    throw new FlowError("invalid_input", "Draft too big.", { userMessage: "This draft is too big to save." });
  const [task] = await rowsOf<TaskFacts & { flowName: string }>(
    pool,
    sql`
    SELECT t.id, t."nodeName", t.status, t."assigneeId", t."ownerRole", t."finishedById", t."processId", t."flowName",
      p."createdById" AS "processCreatedById", p.data AS "processData"
    FROM flow_task t JOIN flow_process p ON p.id = t."processId"
    WHERE t.id = ${ref.taskId} AND t."processId" = ${ref.processId} AND t."flowName" = ${ref.flow}`,
  );
  const flow = task ? (installed().flows.flows.find((candidate) => candidate.name === task.flowName) ?? null) : null;
  const open = task && ["new", "assigned", "started"].includes(task.status);
  if (!task || !open || !(task.assigneeId === actor.id || mayClaim(actor, flow, task))) {
    throw new FlowError("not_found", `No open task ${ref.taskId} for ${actor.id}.`, { userMessage: "This task is not open for you." });
  }
  const now = new Date();
  await db.flowTaskDraft.upsert({
    where: { taskId_userId: { taskId: task.id, userId: actor.id } },
    create: { taskId: task.id, userId: actor.id, data: data as Prisma.InputJsonObject, updatedAt: now },
    update: { data: data as Prisma.InputJsonObject, updatedAt: now },
  });
  return { savedAt: now.toISOString() };
}
