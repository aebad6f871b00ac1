"use server";

import { z } from "zod";
import { requireUser } from "@/app/platform";
import { findEntityForUser } from "@/lib/entities/get-entity";
import { correctProcessData } from "@/lib/flow/inbox/correct-process-data";
import { unsafeErrorQueueIds } from "@/lib/flow/inbox/list-error-queue";
import { deleteTaskDraft, saveTaskDraft } from "@/lib/flow/inbox/save-task-draft";
import { installed } from "@/lib/installation/install";
import {
  assignTask,
  cancelProcess,
  cancelTask,
  completeTask,
  flowResult,
  FlowError,
  reassignTask,
  reviveTask,
  startProcess,
  type FlowResult,
} from "@/lib/flow/runtime";

// The task inbox's mutations. Each checks the session first, parses its input, and calls the
// runtime with the signed-in user as the actor; the runtime checks the rest (the task in its process
// in its flow, the assignment, the node's permission, admin-only actions) under the process lock.
// Failures come back as values: the code, a message safe to show, and field errors for the form.

const id = z.string().min(1).max(100);
const taskRef = z.object({ flow: z.string().min(1).max(100), processId: id, taskId: id });
const processRef = z.object({ flow: z.string().min(1).max(100), processId: id });
const BAD_INPUT: FlowResult<never> = { ok: false, code: "invalid_input", message: "That request was not understood.", fields: [] };

const options = () => ({ registry: installed().flows });

type DraftSaved = FlowResult<{ savedAt: string }>;
type Retried = FlowResult<{ taskId: string }>;
type BulkRetried = FlowResult<{ retried: number; failed: number }>;
type Started = FlowResult<{ processId: string }>;

/** Claims a task from the user's queue ("Assign to me"). Two at once: one wins, the other is told it is gone. */
export async function claimTaskAction(input: unknown): Promise<FlowResult<void>> {
  const user = await requireUser("app.use");
  const ref = taskRef.safeParse(input);
  if (!ref.success) return BAD_INPUT;
  return flowResult(() => assignTask(user, ref.data, options()));
}

/** Completes a task with its form; a validation error keeps it open and names the fields. */
export async function completeTaskAction(input: unknown): Promise<FlowResult<void>> {
  const user = await requireUser("app.use");
  const parsed = taskRef.extend({ form: z.record(z.string(), z.unknown()) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const { form, ...ref } = parsed.data;
  const result = await flowResult(() => completeTask(user, ref, form, options()));
  if (result.ok) await deleteTaskDraft(user, ref.taskId);
  return result;
}

/** Saves the user's half-filled form on the server. */
export async function saveTaskDraftAction(input: unknown): Promise<DraftSaved> {
  const user = await requireUser("app.use");
  const parsed = taskRef.extend({ form: z.record(z.string(), z.unknown()) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const { form, ...ref } = parsed.data;
  return flowResult(() => saveTaskDraft(user, ref, form));
}

/** An admin cancels an open or failed task. */
export async function cancelTaskAction(input: unknown): Promise<FlowResult<void>> {
  const user = await requireUser("flow.manage");
  const ref = taskRef.safeParse(input);
  if (!ref.success) return BAD_INPUT;
  return flowResult(() => cancelTask(user, ref.data, options()));
}

/** An admin gives a task to another user. */
export async function reassignTaskAction(input: unknown): Promise<FlowResult<void>> {
  const user = await requireUser("flow.manage");
  const parsed = taskRef.extend({ userId: id }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const { userId, ...ref } = parsed.data;
  return flowResult(() => reassignTask(user, ref, userId, options()));
}

/** An admin retries a failed task (a fresh task replaces it). */
export async function retryTaskAction(input: unknown): Promise<Retried> {
  const user = await requireUser("flow.manage");
  const ref = taskRef.safeParse(input);
  if (!ref.success) return BAD_INPUT;
  return flowResult(() => reviveTask(user, ref.data, options()));
}

/** An admin retries every failed task a filter selects (at most 500 at a time); says how many went and which failed. */
export async function bulkRetryAction(input: unknown): Promise<BulkRetried> {
  const user = await requireUser("flow.manage");
  const parsed = z
    .object({ flow: z.string().max(100).nullish(), node: z.string().max(100).nullish(), search: z.string().max(200).nullish() })
    .safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  return flowResult(async () => {
    const tasks = await unsafeErrorQueueIds(parsed.data, 500);
    let retried = 0;
    let failed = 0;
    for (const task of tasks) {
      const outcome = await flowResult(() =>
        reviveTask(user, { flow: task.flowName, processId: task.processId, taskId: task.id }, options()),
      );
      if (outcome.ok) retried++;
      else failed++;
    }
    return { retried, failed };
  });
}

/** An admin corrects a process's data (validated by the flow's schema, audited) before a retry. */
export async function correctProcessDataAction(input: unknown): Promise<FlowResult<void>> {
  const user = await requireUser("flow.manage");
  const parsed = processRef.extend({ data: z.string().max(100_000) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const { data, ...ref } = parsed.data;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, code: "invalid_input", message: "That is not valid JSON.", fields: [{ path: "data", message: "Not valid JSON." }] };
  }
  return flowResult(() => correctProcessData(user, ref, value));
}

/** An admin cancels a whole process. */
export async function cancelProcessAction(input: unknown): Promise<FlowResult<void>> {
  const user = await requireUser("flow.manage");
  const ref = processRef.safeParse(input);
  if (!ref.success) return BAD_INPUT;
  return flowResult(() => cancelProcess(user, ref.data, options()));
}

/**
 * An engineer starts a flow for an entity they may see (e.g. "Submit for review" at its current
 * saved version). The flow's start form decides what it accepts; its errors come back by field.
 */
export async function startFlowForEntityAction(input: unknown): Promise<Started> {
  const user = await requireUser("flow.start");
  const parsed = z.object({ flow: z.string().min(1).max(100), entityId: id, summary: z.string().max(500) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const { flow, entityId, summary } = parsed.data;
  return flowResult(async () => {
    const entity = await findEntityForUser(user, entityId);
    if (!entity)
      throw new FlowError("not_found", `No entity ${entityId} for ${user.id}.`, {
        userMessage: "There is no such entity, or you may not see it.",
      });
    const started = await startProcess(
      user,
      { flow },
      { entityId, revision: String(entity.version), summary: summary.trim() || entity.name },
      options(),
    );
    return { processId: started.processId };
  });
}
