/**
 * What a controller may throw on purpose, and what every failure becomes.
 * Two messages: the one for the engineer, and the full error for the log.
 */

/** A message for the engineer, shown in the view: "The span is too long for any IPE profile." */
export class UserError extends Error {
  override name = "UserError";
}

export interface FieldViolation {
  /** A params path: `loads.points[2].x`. */
  readonly path: string;
  readonly message: string;
}

/** Inputs that are valid one by one but not together; the named fields are marked in the form. */
export class InputViolation extends Error {
  override name = "InputViolation";
  constructor(readonly fields: readonly FieldViolation[]) {
    super(fields.map((f) => `${f.path}: ${f.message}`).join("; "));
  }
}

/** Thrown inside a controller method when its call was cancelled (a newer edit, or the Cancel button). */
export class CallCancelled extends Error {
  override name = "CallCancelled";
}

/** How a failed call is answered: never a stack trace. */
export type CallFailure =
  | { readonly kind: "user"; readonly message: string }
  | { readonly kind: "input"; readonly message: string; readonly fields: readonly FieldViolation[] }
  | { readonly kind: "cancelled"; readonly message: string }
  | { readonly kind: "not_found"; readonly message: string }
  | { readonly kind: "internal"; readonly message: string; readonly reference: string };
