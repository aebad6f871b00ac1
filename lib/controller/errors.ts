import type { FieldIssue } from "@/lib/result";

/**
 * What a controller may throw on purpose, and what every failure becomes.
 * Two messages: the one for the engineer, and the full error for the log.
 */

/** A message for the engineer, shown in the view: "The span is too long for any IPE profile." */
export class UserError extends Error {
  override name = "UserError";
}

/** Inputs that are valid one by one but not together; the named fields are marked in the form. */
export class InputViolation extends Error {
  override name = "InputViolation";
  constructor(readonly fields: readonly FieldIssue[]) {
    super(fields.map((f) => `${f.path}: ${f.message}`).join("; "));
  }
}

/** Thrown inside a controller method when its call was cancelled (a newer edit, or the Cancel button). */
export class CallCancelled extends Error {
  override name = "CallCancelled";
}

/**
 * A call the platform stopped: it ran past its time limit, or its thread past its heap limit
 * (lib/controller/call-threads.ts). Its thread was replaced; failureOf gives the user `message`.
 * @internal
 */
export class CallLimitExceeded extends Error {
  override name = "CallLimitExceeded";
  constructor(
    readonly limit: "time" | "memory",
    message: string,
  ) {
    super(message);
  }
}

/** Every call thread of this process is busy and the calls waiting for one are at their bound. @internal */
export class CallThreadsBusy extends Error {
  override name = "CallThreadsBusy";
}
