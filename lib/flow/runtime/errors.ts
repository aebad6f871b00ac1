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

/** A form field that failed, as zod reports it: `path` joined with ".". */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

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

export class FlowError extends Error {
  override name = "FlowError";
  readonly code: FlowErrorCode;
  /** Safe to show to the user who did the action. */
  readonly userMessage: string;
  readonly fields: readonly FieldError[];

  constructor(
    code: FlowErrorCode,
    message: string,
    options: { userMessage?: string; fields?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.userMessage = options.userMessage ?? GENERIC[code];
    this.fields = options.fields ?? [];
  }
}

/** Any thrown value as a FlowError; an unknown one gets the generic message and keeps the original as `cause`. */
export function toFlowError(error: unknown): FlowError {
  if (error instanceof FlowError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FlowError("internal", message, { cause: error });
}

/** Zod issues as field errors. */
export function fieldErrors(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** An action's outcome as a value, for server actions: the result, or the error's code, user message and fields. */
export type FlowResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: FlowErrorCode; readonly message: string; readonly fields: readonly FieldError[] };

/** Runs an action and returns its outcome instead of throwing. Unexpected errors are logged in full. */
export async function flowResult<T>(action: () => Promise<T>): Promise<FlowResult<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (thrown) {
    const error = toFlowError(thrown);
    if (error.code === "internal") console.error(error.cause ?? error);
    return { ok: false, code: error.code, message: error.userMessage, fields: error.fields };
  }
}
