import { RefusedError, type FieldIssue } from "@/lib/result";

/**
 * The one error the runtime throws. Codes are a closed list; `message` is for logs, `userMessage`
 * is safe to show. Anything else thrown inside an action is turned into one by `toFlowError`.
 */

export const FLOW_ERROR_CODES = [
  // No such flow, process or task, or an id from another flow or process: existence does not leak.
  "not_found",
  // The user may not do this (role, assignment, a node's permission such as four eyes).
  "forbidden",
  // The status table (lib/flow/status.ts) or the node kind does not allow the action.
  "invalid_transition",
  // Form data (or the process data a merge produced) failed its schema; `fields` say where.
  "invalid_input",
  // The task was taken, completed or canceled by someone else first.
  "no_longer_yours",
  // A handler, gateway, hook or merge threw while the engine ran the nodes after a task.
  "handler_failed",
  // Deadlocks or serialization failures outlasted the retries.
  "busy",
  // Anything unexpected; the details are in the log only.
  "internal",
] as const;
export type FlowErrorCode = (typeof FLOW_ERROR_CODES)[number];

const GENERIC: Record<FlowErrorCode, string> = {
  not_found: "This task or process does not exist.",
  forbidden: "You may not do this.",
  invalid_transition: "This cannot be done to the task in its current state.",
  invalid_input: "Some fields are not valid.",
  no_longer_yours: "This task is no longer yours.",
  handler_failed: "The next step failed; nothing was changed.",
  busy: "The process was busy; try again.",
  internal: "Something went wrong; nothing was changed.",
};

export class FlowError extends RefusedError {
  override name = "FlowError";
  readonly code: FlowErrorCode;
  /** Safe to show to the user who did the action. */
  readonly userMessage: string;
  readonly fields: readonly FieldIssue[];

  constructor(
    code: FlowErrorCode,
    message: string,
    options: { userMessage?: string; fields?: readonly FieldIssue[]; cause?: unknown } = {},
  ) {
    const userMessage = options.userMessage ?? GENERIC[code];
    const fields = options.fields ?? [];
    super({ code, message: userMessage, fields }, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.userMessage = userMessage;
    this.fields = fields;
  }
}

/** Any thrown value as a FlowError; an unknown one gets the generic message and keeps the original as `cause`. */
export function toFlowError(error: unknown): FlowError {
  if (error instanceof FlowError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FlowError("internal", message, { cause: error });
}

/** Zod issues as field errors. */
export function fieldErrors(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
