import {
  afterFailedAttempt,
  type JobCompute,
  type JobFaults,
  type JobStorage,
  type ProcessHistory,
  type ProcessView,
  type TaskView,
} from "@/lib/flow";
import { after, describeError, failTask, mergeData, nextOf, runNodes, type NodeOfKind } from "./activate";
import { FlowError } from "./errors";
import { inFlowTransaction, type RuntimeOptions } from "./lock-process";

/** What the queue hands the worker for a job task (the payload `enqueue` wrote). */
export interface JobPayload {
  readonly taskId: string;
  readonly processId: string;
  readonly flowName: string;
}

/** What a job needs from outside the runtime. */
export interface JobServices {
  /** Files of the process. */
  readonly storageFor: (processId: string) => JobStorage;
  /** Runs an entity's controller method. */
  readonly compute: JobCompute;
  /** The operator's fault switches (lib/jobs/read-fault-switch.ts). */
  readonly faults: JobFaults;
}

export interface RunJobOptions extends RuntimeOptions {
  readonly services: JobServices;
  /** Aborted when the worker shuts down; passed on to the job. */
  readonly signal?: AbortSignal;
}

/** What became of one delivery of a job. */
export type JobOutcome =
  /** The job ended, its patch was merged and the nodes after it ran (a failing one is saved in error). */
  | "done"
  /** The job threw; it goes back to the queue after its backoff. */
  | "rescheduled"
  /** The job threw with no retries left; its task waits in the error queue. */
  | "failed"
  /** Nothing to do: the task was canceled or done meanwhile, or its node was removed from the flow. */
  | "skipped";

/**
 * Runs one delivery of a job task. The process is locked only to start (the task goes to started,
 * one more attempt, and the process data is copied) and to finish; the job's own code runs between,
 * outside any transaction. Its result commits as soon as it ends: the nodes after it run in the same
 * transaction, but in job mode, so one that throws is saved in error and the job's result stands.
 * A job that throws is rescheduled after its node's backoff until its retries are spent, then fails.
 * It never throws for author code; it throws only when the database does, and the queue retries then.
 */
export async function runJob(payload: JobPayload, options: RunJobOptions): Promise<JobOutcome> {
  const started = await inFlowTransaction(options, "job", null, async (work) => {
    const process = await work.lock(payload.processId, payload.flowName, payload.taskId).catch((error: unknown) => {
      if (error instanceof FlowError && error.code === "not_found") return null;
      throw error;
    });
    if (!process) return null;
    const task = await work.task(process, payload.taskId);
    // Canceled or done meanwhile (the queue delivers at least once), or not a job any more.
    if (!task || (task.status !== "scheduled" && task.status !== "started")) return null;
    const node = work.nodeOf(process, task);
    if (node.kind !== "job") return null;
    work.move(task, "start", { attempts: task.attempts + 1 }, { attempt: task.attempts + 1 });
    const snapshot: ProcessView<Record<string, unknown>> = { ...work.processView(process), data: structuredClone(process.row.data) };
    const history = await work.loadHistory(process);
    return { node, attempt: task.attempts, process: snapshot, task: work.taskView(task), history };
  });
  if (!started) return "skipped";

  const { node, attempt } = started;
  let patch: object | void = undefined;
  let failure: unknown = null;
  try {
    patch = await runOutsideLock(node, started.process, started.task, started.history, attempt, options);
  } catch (error) {
    failure = error ?? new Error("The job threw nothing.");
  }

  return inFlowTransaction(options, "job", null, async (work) => {
    const process = await work.lock(payload.processId, payload.flowName, payload.taskId);
    const task = await work.task(process, payload.taskId);
    // Canceled while it ran, or a later delivery (after this worker was given up for dead) owns it now.
    if (!task || task.status !== "started" || task.attempts !== attempt) return "skipped";
    let error = failure;
    if (error === null) {
      try {
        mergeData(work, process, node, patch ?? {});
      } catch (invalid) {
        error = invalid;
      }
    }
    if (error === null) {
      work.move(task, "complete");
      await runNodes(work, process, after(process, task, nextOf(node)));
      return "done";
    }
    const next = afterFailedAttempt(node, attempt);
    if (next.action === "reschedule") {
      work.move(task, "reschedule", { error: describeError(error, attempt) }, { retryInMs: next.delayMs });
      work.enqueue(task, new Date(work.now.getTime() + next.delayMs));
      return "rescheduled";
    }
    failTask(work, process, task, error);
    return "failed";
  });
}

function runOutsideLock(
  node: NodeOfKind<"job">,
  process: ProcessView<Record<string, unknown>>,
  task: TaskView,
  history: ProcessHistory,
  attempt: number,
  options: RunJobOptions,
): Promise<object | void> {
  return node.run({
    process,
    task,
    history,
    attempt,
    storage: options.services.storageFor(process.id),
    compute: options.services.compute,
    faults: options.services.faults,
    signal: options.signal ?? new AbortController().signal,
  });
}
