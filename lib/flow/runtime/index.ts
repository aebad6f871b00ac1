/**
 * The workflow runtime: processes and tasks in PostgreSQL, moved by actions under the process lock.
 * Every action takes the actor, a reference checked as a whole (the task must belong to the process,
 * the process to the flow: otherwise not_found), and `RuntimeOptions` (client, flows, time).
 */
export { startProcess } from "./start-process";
export { startProcessFromCode } from "./start-process-from-code";
export { assignTask } from "./assign-task";
export { unassignTask } from "./unassign-task";
export { reassignTask } from "./reassign-task";
export { startTask } from "./start-task";
export { completeTask } from "./complete-task";
export { signalTask, signalTaskWithToken } from "./signal-task";
export type { SignalOutcome } from "./signal-task";
export { cancelTask } from "./cancel-task";
export { undoTask } from "./undo-task";
export { reviveTask } from "./revive-task";
export { reviveTasks } from "./revive-tasks";
export { correctProcessData } from "./correct-process-data";
export { saveTaskDraft } from "./save-task-draft";
export { cancelProcess } from "./cancel-process";
export { runJob } from "./run-job";
export type { JobOutcome, JobPayload, JobServices, RunJobOptions } from "./run-job";
export { loadFlows } from "./registry";
export type { FlowRegistry } from "./registry";
export { checkInvariants } from "./check-invariants";
export { FLOW_ERROR_CODES, FlowError, toFlowError } from "./errors";
export type { FlowErrorCode } from "./errors";
export { inFlowTransaction, TRANSACTION_RETRIES } from "./lock-process";
export type { Actor, ProcessRef, RuntimeOptions, TaskRef } from "./lock-process";
export { OPEN_STATUSES } from "./rows";
export type { ProcessRow, TaskError, TaskRow } from "./rows";
export { FLOW_NOTIFY_CHANNEL } from "./queries";
