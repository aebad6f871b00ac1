import { validateParams, type ParamsError } from "@/lib/params";
import type { Controller } from "./controller";
import { CallCancelled, InputViolation, UserError, type CallFailure } from "./errors";
import type { ViewResult } from "./results";
import type { ViewContext } from "./views";

export type CallOutcome<R = ViewResult> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly failure: CallFailure };

export interface CallOptions {
  readonly entity?: ViewContext<unknown>["entity"];
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message?: string) => void;
  /** Where the full error of an unexpected failure goes. Default: console.error. */
  readonly log?: (reference: string, error: unknown) => void;
}

/**
 * One stateless call, as the seed describes: params in, result out. The params
 * are validated against the parametrization first, exactly as a browser's are,
 * so server code calling this gets the same checks. Never throws.
 */
export async function callView<C extends Controller>(
  controller: C,
  viewName: string,
  rawParams: unknown,
  options: CallOptions = {},
): Promise<CallOutcome> {
  const view = Object.hasOwn(controller.views, viewName) ? controller.views[viewName] : undefined;
  if (!view) return { ok: false, failure: { kind: "not_found", message: `There is no view "${viewName}".` } };

  const validated = validateParams(controller.params, rawParams, { source: "browser" });
  if (!validated.ok) return { ok: false, failure: inputFailure(validated.errors) };

  const signal = options.signal ?? new AbortController().signal;
  try {
    const result = await view.run({
      params: validated.params,
      entity: options.entity ?? null,
      signal,
      progress: (fraction, message) => options.onProgress?.(Math.min(1, Math.max(0, fraction)), message),
    });
    if (signal.aborted) return cancelled();
    return { ok: true, result };
  } catch (error) {
    return { ok: false, failure: failureOf(error, signal, options.log) };
  }
}

function inputFailure(errors: readonly ParamsError[]): CallFailure {
  return {
    kind: "input",
    message: errors.length === 1 ? errors[0]!.message : `${errors.length} inputs need attention.`,
    fields: errors.map((e) => ({ path: e.path, message: e.message })),
  };
}

function cancelled(): { ok: false; failure: CallFailure } {
  return { ok: false, failure: { kind: "cancelled", message: "Cancelled." } };
}

/** Turns anything a controller threw into what the browser may see. */
export function failureOf(error: unknown, signal?: AbortSignal, log = logError): CallFailure {
  if (error instanceof UserError) return { kind: "user", message: error.message };
  if (error instanceof InputViolation) return { kind: "input", message: error.fields[0]?.message ?? error.message, fields: error.fields };
  if (error instanceof CallCancelled || signal?.aborted) return { kind: "cancelled", message: "Cancelled." };
  const reference = crypto.randomUUID().slice(0, 8);
  log(reference, error);
  return { kind: "internal", message: `Something went wrong in this view (reference ${reference}).`, reference };
}

function logError(reference: string, error: unknown): void {
  console.error(`[gusset] view call failed, reference ${reference}:`, error);
}
