import { validateParams } from "@/lib/params";
import type { ButtonResult } from "./buttons";
import { failureOf, type CallOptions, type CallOutcome } from "./call-view";
import type { Controller } from "./controller";

/**
 * One button press: params in, what the browser does next out. The same
 * checks as a view call (the button exists, the params are valid), plus: a
 * disabled button refuses with its reason, and new params a set-params or
 * optimization button returns are validated before the form gets them.
 * Never throws.
 */
export async function callButton(
  controller: Controller,
  buttonName: string,
  rawParams: unknown,
  options: CallOptions = {},
): Promise<CallOutcome<ButtonResult>> {
  const button = Object.hasOwn(controller.buttons, buttonName) ? controller.buttons[buttonName] : undefined;
  if (!button) return { ok: false, failure: { kind: "not_found", message: `There is no button "${buttonName}".` } };

  const validated = validateParams(controller.params, rawParams, { source: "browser" });
  if (!validated.ok) {
    const fields = validated.errors.map((e) => ({ path: e.path, message: e.message }));
    return {
      ok: false,
      failure: { kind: "input", message: fields.length === 1 ? fields[0]!.message : `${fields.length} inputs need attention.`, fields },
    };
  }
  const reason = button.disabled?.({ params: validated.params });
  if (reason) return { ok: false, failure: { kind: "user", message: reason } };

  const signal = options.signal ?? new AbortController().signal;
  try {
    const result = await button.run({
      params: validated.params,
      entity: options.entity ?? null,
      signal,
      progress: (fraction, message) => options.onProgress?.(Math.min(1, Math.max(0, fraction)), message),
    });
    if (signal.aborted) return { ok: false, failure: { kind: "cancelled", message: "Cancelled." } };
    if (result.kind === "setParams") {
      const next = validateParams(controller.params, result.params, { source: "browser" });
      if (!next.ok)
        throw new Error(`Button "${buttonName}" returned invalid params: ${next.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
      return { ok: true, result: { ...result, params: next.params } };
    }
    if (result.kind === "optimization") {
      const candidates = result.candidates.map((candidate, i) => {
        const next = validateParams(controller.params, candidate.params, { source: "browser" });
        if (!next.ok)
          throw new Error(
            `Button "${buttonName}" returned invalid params in candidate ${i + 1}: ${next.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
          );
        return { ...candidate, params: next.params };
      });
      return { ok: true, result: { ...result, candidates } };
    }
    return { ok: true, result };
  } catch (error) {
    return { ok: false, failure: failureOf(error, signal, options.log) };
  }
}
