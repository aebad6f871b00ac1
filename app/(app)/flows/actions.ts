"use server";

import { z } from "zod";
import { userAction } from "@/app/platform";
import { unstorableIssue } from "@/lib/db/storable-input";
import { findEntityForUser } from "@/lib/entities/get-entity";
import { unsafeErrorQueueIds } from "@/lib/flow/inbox/list-error-queue";
import {
  assignTask,
  cancelProcess,
  cancelTask,
  completeTask,
  correctProcessData,
  FlowError,
  reassignTask,
  reviveTask,
  reviveTasks,
  saveTaskDraft,
  startProcess,
} from "@/lib/flow/runtime";
import { refuse, succeed } from "@/lib/result";

// The task inbox's mutations: each a permission, an input schema, and one action of the flow
// runtime with the signed-in user as the actor; the runtime checks the rest (the task in its process
// in its flow, the assignment, the node's permission, admin-only actions) under the process lock,
// and what it refuses (a FlowError) comes back as the result's failure, with field errors for forms.

const id = z.string().min(1).max(100);
const taskRef = z.object({ flow: z.string().min(1).max(100), processId: id, taskId: id });
const processRef = z.object({ flow: z.string().min(1).max(100), processId: id });
const withForm = taskRef.extend({ form: z.record(z.string(), z.unknown()) });

/** Claims a task from the user's queue ("Assign to me"). Two at once: one wins, the other is told it is gone. */
export const claimTaskAction = userAction({ permission: "task.work", input: taskRef }, async ({ user, input }) =>
  succeed(await assignTask(user, input)),
);

/** Completes a task with its form (its drafts go in the same transaction); a validation error keeps it open and names the fields. */
export const completeTaskAction = userAction({ permission: "task.work", input: withForm }, async ({ user, input: { form, ...ref } }) =>
  succeed(await completeTask(user, ref, form)),
);

/** Saves the user's half-filled form on the server. */
export const saveTaskDraftAction = userAction({ permission: "task.work", input: withForm }, async ({ user, input: { form, ...ref } }) =>
  succeed(await saveTaskDraft(user, ref, form)),
);

/** An admin cancels an open or failed task. */
export const cancelTaskAction = userAction({ permission: "flow.manage", input: taskRef }, async ({ user, input }) =>
  succeed(await cancelTask(user, input)),
);

/** An admin gives a task to another user. */
export const reassignTaskAction = userAction(
  { permission: "flow.manage", input: taskRef.extend({ userId: id }) },
  async ({ user, input: { userId, ...ref } }) => succeed(await reassignTask(user, ref, userId)),
);

/** An admin revives a failed task: a fresh task replaces it. */
export const reviveTaskAction = userAction({ permission: "flow.manage", input: taskRef }, async ({ user, input }) =>
  succeed(await reviveTask(user, input)),
);

/** An admin revives every failed task a filter selects (at most 500 at a time); says how many went and how many did not. */
export const reviveTasksAction = userAction(
  {
    permission: "flow.manage",
    input: z.object({ flow: z.string().max(100).nullish(), node: z.string().max(100).nullish(), search: z.string().max(200).nullish() }),
  },
  async ({ user, input }) => {
    const tasks = await unsafeErrorQueueIds(input, 500);
    return succeed(
      await reviveTasks(
        user,
        tasks.map((task) => ({ flow: task.flowName, processId: task.processId, taskId: task.id })),
      ),
    );
  },
);

/** An admin corrects a process's data (validated by the flow's schema, audited) before a revive. */
export const correctProcessDataAction = userAction(
  { permission: "flow.manage", input: processRef.extend({ data: z.string().max(100_000) }) },
  async ({ user, input: { data, ...ref } }) => {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return refuse("invalid_input", "That is not valid JSON.", [{ path: "data", message: "Not valid JSON." }]);
    }
    // A NUL or lone surrogate spelled as an escape (`\u0000`) would reach jsonb, which refuses it.
    const unstorable = unstorableIssue(value);
    if (unstorable)
      return refuse("invalid_input", unstorable.message, [
        { path: unstorable.path ? `data.${unstorable.path}` : "data", message: unstorable.message },
      ]);
    return succeed(await correctProcessData(user, ref, value));
  },
);

/** An admin cancels a whole process. */
export const cancelProcessAction = userAction({ permission: "flow.manage", input: processRef }, async ({ user, input }) =>
  succeed(await cancelProcess(user, input)),
);

/**
 * An engineer starts a flow for an entity they may see (e.g. "Submit for review" at its current
 * saved version). The flow's start form decides what it accepts; its errors come back by field.
 */
export const startFlowForEntityAction = userAction(
  { permission: "flow.start", input: z.object({ flow: z.string().min(1).max(100), entityId: id, summary: z.string().max(500) }) },
  async ({ user, input: { flow, entityId, summary } }) => {
    const entity = await findEntityForUser(user, entityId);
    if (!entity)
      throw new FlowError("not_found", `No entity ${entityId} for ${user.id}.`, {
        userMessage: "There is no such entity, or you may not see it.",
      });
    const started = await startProcess(
      user,
      { flow },
      { entityId, revision: String(entity.version), summary: summary.trim() || entity.name },
    );
    return succeed({ processId: started.processId });
  },
);
