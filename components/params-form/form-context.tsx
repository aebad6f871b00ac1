"use client";

import { createContext, useContext, type Dispatch } from "react";
import type { ButtonInfo } from "@/lib/controller/describe-buttons";
import type { FormAction } from "./form-state";

/** What every field of one form shares: how to change the draft, the errors, whether it is read-only. */
export interface FormContextValue {
  readonly dispatch: Dispatch<FormAction>;
  /** Messages by value path (`loads.pointLoads[0].x`), from validating the draft as you type. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  readonly readOnly: boolean;
  /** Prefix of every element id of this form (from useId), so two forms on a page never clash. */
  readonly idPrefix: string;
  /** The entity the form edits, when it edits one: file fields upload for its type, buttons run on it. */
  readonly entity?: { readonly id: string; readonly type: string; readonly name: string };
  /** The entity type's buttons by name, as the server describes them; a `button(name)` node shows one. */
  readonly buttons?: Readonly<Record<string, ButtonInfo>>;
  /** The whole draft, for buttons that run on the current params. */
  readonly draft?: unknown;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error("A params form field was rendered outside <ParamsForm>.");
  return context;
}

/** An element id for a value path: `loads.pointLoads[0].x` → `«r1»-loads-pointLoads-0-x`. */
export function fieldId(idPrefix: string, path: string, suffix = ""): string {
  return `${idPrefix}-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}${suffix ? `-${suffix}` : ""}`;
}
