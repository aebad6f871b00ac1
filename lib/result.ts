/**
 * The one answer shape of anything that may be refused: a value, or a failure with a code from a
 * closed list, a message safe to show, and the fields it is about. Expected failures are values,
 * never throws (STYLE.md, "Errors"); lib/http/respond.ts turns each code into one HTTP status.
 *
 * Glossary: a **result** is `{ ok: true, value }` or `{ ok: false, failure }`; a **failure** has a
 * `code`, a `message` for the user, `fields` (the inputs it is about, maybe none) and, when the
 * code is `internal`, the `reference` its full error was logged under.
 */

/** One problem at one input, named by its value path: `loads.pointLoads[1].F`, `""` for the whole. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export const FAILURE_CODES = [
  /** The request itself is malformed: not JSON, a missing key, a wrong type. */
  "bad_request",
  /** No (live) session. */
  "unauthenticated",
  /** Signed in, but not allowed: a permission, an entity one may only read, another origin. */
  "forbidden",
  /** No such thing, or one the user may not see: answered alike, so existence does not leak. */
  "not_found",
  /** Inputs that fail their rules; `fields` say where. */
  "invalid_input",
  /** An uploaded file that could not be read; the failure's `problems` say where in it. */
  "invalid_file",
  /** A rule of the domain says no: an author's UserError, a placement the tree refuses, a disabled button. */
  "refused",
  /** Someone else changed it first (an optimistic save); the failure says what they saved. */
  "conflict",
  /** The task or process is in a state that does not allow this (lib/flow/status.ts). */
  "invalid_transition",
  /** The task was taken, completed or cancelled by someone else first. */
  "no_longer_yours",
  /** A flow's code (handler, gateway, hook) threw after a person's task; nothing was changed. */
  "handler_failed",
  /** Larger than allowed; the message names the limit. */
  "too_large",
  /** A file whose content is not a kind this place takes. */
  "unsupported_type",
  /** The caller cancelled (or went away). */
  "cancelled",
  /** Too much at once (a lock, a queue, a limit); try again. */
  "busy",
  /** Anything unexpected: the message names a `reference`, the full error is in the log under it. */
  "internal",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export interface Failure<C extends FailureCode = FailureCode> {
  readonly code: C;
  readonly message: string;
  readonly fields: readonly FieldIssue[];
  /** Where the full error was logged (internal failures). */
  readonly reference?: string;
}

export type Success<T> = { readonly ok: true; readonly value: T };
export type Refusal<F extends Failure = Failure> = { readonly ok: false; readonly failure: F };
export type Result<T, F extends Failure = Failure> = Success<T> | Refusal<F>;

export function succeed<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** A failure with this code and message, about these fields (none by default). */
export function failure<C extends FailureCode>(code: C, message: string, fields: readonly FieldIssue[] = []): Failure<C> {
  return { code, message, fields };
}

/** A refusal: the result of that failure. */
export function refuse<C extends FailureCode>(code: C, message: string, fields: readonly FieldIssue[] = []): Refusal<Failure<C>> {
  return { ok: false, failure: failure(code, message, fields) };
}

/** A failure in one line for the user: its message, then each field's (`data: Not valid JSON.`). */
export function failureText(failure: Failure): string {
  return [failure.message, ...failure.fields.map((field) => (field.path ? `${field.path}: ${field.message}` : field.message))].join(" ");
}

/** Just the path and message of each issue (a validator's errors carry more, such as the rule). */
export function fieldsOf(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map(({ path, message }) => ({ path, message }));
}

/** "1 input needs attention" or the one input's message: how a list of field issues reads as one line. */
export function summarizeFields(fields: readonly FieldIssue[]): string {
  return fields.length === 1 ? fields[0]!.message : `${fields.length} inputs need attention.`;
}

/**
 * An expected failure thrown through code that cannot return one (the flow runtime's transaction
 * unwinds by throwing); entry points (lib/http) turn it back into a result. `message` is for the
 * log, `failure.message` for the user.
 */
export class RefusedError extends Error {
  override name = "RefusedError";
  constructor(
    readonly failure: Failure,
    message = failure.message,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
