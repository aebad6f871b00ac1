import type { Failure, FailureCode, Result } from "@/lib/result";

/** The one mapping from a failure to an HTTP status. */
export const HTTP_STATUS: Readonly<Record<FailureCode, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  invalid_file: 422,
  refused: 422,
  conflict: 409,
  invalid_transition: 409,
  no_longer_yours: 409,
  handler_failed: 500,
  too_large: 413,
  unsupported_type: 415,
  // nginx's "client closed request": the caller went away, nobody reads this.
  cancelled: 499,
  busy: 503,
  internal: 500,
};

/** Seconds a client is told to wait after `busy`. */
const RETRY_AFTER_SECONDS = 2;

/** A failure as an HTTP answer: `{ ok: false, failure }` with the code's status. */
export function failureResponse(failure: Failure, headers?: HeadersInit): Response {
  const extra = new Headers(headers);
  if (failure.code === "busy") extra.set("retry-after", String(RETRY_AFTER_SECONDS));
  return Response.json({ ok: false, failure }, { status: HTTP_STATUS[failure.code], headers: extra });
}

/** A result as an HTTP answer: 200 `{ ok: true, value }`, or the failure's. */
export function resultResponse(result: Result<unknown>, headers?: HeadersInit): Response {
  return result.ok ? Response.json(result, { headers }) : failureResponse(result.failure, headers);
}
