import { isConnectionLost } from "@/lib/db/connection-lost";
import { validateParams } from "@/lib/params";
import { fieldsOf, refuse, succeed, summarizeFields, type Failure, type Result } from "@/lib/result";
import type { ButtonResult } from "./buttons";
import type { Controller } from "./controller";
import { CallCancelled, CallLimitExceeded, CallThreadsBusy, InputViolation, UserError } from "./errors";
import type { ViewResult } from "./results";
import type { ViewContext } from "./views";

/**
 * A call, the seed's one stateless job: a view's result, a button's press, or whether a button is
 * disabled for these params (`disabled`, what the form asks as the params settle).
 */
export type CallKind = "view" | "button" | "disabled";

export interface Call<K extends CallKind = CallKind> {
  readonly kind: K;
  readonly name: string;
  /** The params as sent (the editor's, saved or not): validated here as a browser's are. */
  readonly params: unknown;
}

/** What a call of each kind answers: a view's result, a button's result, or a button's disabled reason. */
export type CallValueOf<K extends CallKind> = K extends "view"
  ? ViewResult
  : K extends "button"
    ? ButtonResult
    : { readonly disabled: string | null };
export type CallValue = CallValueOf<CallKind>;

export interface CallOptions {
  readonly entity?: ViewContext<unknown>["entity"];
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message?: string) => void;
  /** Where the full error of an unexpected failure goes. Default: console.error. */
  readonly log?: (reference: string, error: unknown) => void;
}

/**
 * The one skeleton of every call, whoever asked (lib/controller/dispatch-call.ts is the way in):
 * the method exists, the params pass the parametrization exactly as a browser's do, a disabled
 * button refuses with its reason, the method runs with the call's signal and progress, new params
 * a button returns are validated before the form gets them, and whatever was thrown becomes a
 * failure (failureOf). Never throws.
 */
export async function runCall<K extends CallKind>(
  controller: Controller,
  call: Call<K>,
  options: CallOptions = {},
): Promise<Result<CallValueOf<K>>> {
  return (await run(controller, call, options)) as Result<CallValueOf<K>>;
}

async function run(controller: Controller, call: Call, options: CallOptions): Promise<Result<CallValue>> {
  const method = methodOf(controller, call);
  if (!method) return refuse("not_found", `There is no ${call.kind === "view" ? "view" : "button"} "${call.name}".`);
  const validated = validateParams(controller.params, call.params, { source: "browser" });

  if (method.kind === "disabled") {
    if (!method.button.disabled) return succeed({ disabled: null });
    if (!validated.ok) return succeed({ disabled: "Some inputs need attention first." });
    try {
      return succeed({ disabled: method.button.disabled({ params: validated.params }) || null });
    } catch (error) {
      return succeed({ disabled: `Cannot tell yet: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  if (!validated.ok) return refuse("invalid_input", summarizeFields(validated.errors), fieldsOf(validated.errors));
  if (method.kind === "button") {
    const reason = method.button.disabled?.({ params: validated.params });
    if (reason) return refuse("refused", reason);
  }
  const signal = options.signal ?? new AbortController().signal;
  try {
    const context: ViewContext<unknown> = {
      params: validated.params,
      entity: options.entity ?? null,
      signal,
      progress: (fraction, message) => options.onProgress?.(Math.min(1, Math.max(0, fraction)), message),
    };
    const value =
      method.kind === "view"
        ? await method.view.run(context)
        : checkedButtonResult(controller, call.name, await method.button.run(context));
    if (signal.aborted) return cancelled();
    return succeed(value);
  } catch (error) {
    return { ok: false, failure: failureOf(error, signal, options.log) };
  }
}

type Method =
  | { readonly kind: "view"; readonly view: Controller["views"][string] }
  | { readonly kind: "button" | "disabled"; readonly button: Controller["buttons"][string] };

function methodOf(controller: Controller, call: Call): Method | null {
  if (call.kind === "view") return Object.hasOwn(controller.views, call.name) ? { kind: "view", view: controller.views[call.name]! } : null;
  return Object.hasOwn(controller.buttons, call.name) ? { kind: call.kind, button: controller.buttons[call.name]! } : null;
}

/** A set-params or optimization result with its params validated: a button returning invalid params is a bug, not the user's. */
function checkedButtonResult(controller: Controller, name: string, result: ButtonResult): ButtonResult {
  const valid = (params: unknown, where: string) => {
    const next = validateParams(controller.params, params, { source: "browser" });
    if (!next.ok)
      throw new Error(`Button "${name}" returned invalid params${where}: ${next.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    return next.params;
  };
  if (result.kind === "setParams") return { ...result, params: valid(result.params, "") };
  if (result.kind === "optimization") {
    return {
      ...result,
      candidates: result.candidates.map((candidate, i) => ({ ...candidate, params: valid(candidate.params, ` in candidate ${i + 1}`) })),
    };
  }
  return result;
}

function cancelled(): Result<never> {
  return refuse("cancelled", "Cancelled.");
}

/**
 * Turns anything a controller threw into what the browser may see: the one place a call's failure
 * reference is made. A UserError is refused with its message; an InputViolation names its fields;
 * a lost database connection, or every call thread busy, is `busy`; a call stopped at its time or
 * memory limit is refused with a message naming the limit; anything else is logged in full under a reference and
 * answered with the reference only.
 */
export function failureOf(error: unknown, signal?: AbortSignal, log = logError): Failure {
  if (error instanceof UserError) return { code: "refused", message: error.message, fields: [] };
  if (error instanceof InputViolation)
    return { code: "invalid_input", message: error.fields[0]?.message ?? error.message, fields: error.fields };
  if (error instanceof CallCancelled || signal?.aborted) return { code: "cancelled", message: "Cancelled.", fields: [] };
  // The platform's limits (lib/controller/call-threads.ts): the message says which, and what to do.
  if (error instanceof CallLimitExceeded) return { code: "refused", message: error.message, fields: [] };
  if (error instanceof CallThreadsBusy) return { code: "busy", message: error.message, fields: [] };
  // Calls are stateless: one the database dropped out of can simply run again (a long call does).
  if (isConnectionLost(error)) return { code: "busy", message: "The database could not be reached; run it again in a moment.", fields: [] };
  const reference = crypto.randomUUID().slice(0, 8);
  log(reference, error);
  return { code: "internal", message: `Something went wrong in this view (reference ${reference}).`, fields: [], reference };
}

/** Where failureOf logs an unexpected failure by default: one line naming the reference, then the error. */
export function logError(reference: string, error: unknown): void {
  console.error(`[gusset] call failed, reference ${reference}:`, error);
}
