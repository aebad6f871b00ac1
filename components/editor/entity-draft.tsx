"use client";

import { createContext, useContext } from "react";
import type { ParamsDraft, ParamsError } from "@/lib/params";

/**
 * The entity open in the editor and the params its form holds right now (saved or not): what the
 * views panel renders from. The page passes the views as `viewsSlot` to <EntityEditor>, which
 * provides this context around them, e.g.
 *
 *   viewsSlot={<EntityViews entity={{ id, type, name }} />}  // inside: const { params } = useEntityDraft();
 */
export interface EntityDraft {
  readonly entity: { readonly id: string; readonly type: string; readonly name: string };
  /** The form's current params, updated on every keystroke. */
  readonly params: ParamsDraft;
  /** The draft's validation errors; `[]` when the params are valid and views can run on them. */
  readonly errors: readonly ParamsError[];
  /** The saved version the draft started from. */
  readonly version: number;
  /** Whether the draft differs from the saved params. */
  readonly dirty: boolean;
  /**
   * Shows errors a view reported for these params (a controller's InputViolation: values valid one
   * by one but not together) at their fields, until the params change. Stable across renders.
   */
  readonly reportFieldErrors: (fields: readonly { readonly path: string; readonly message: string }[]) => void;
}

export const EntityDraftContext = createContext<EntityDraft | null>(null);

/** The entity and live params of the editor around the caller; throws outside <EntityEditor>. */
export function useEntityDraft(): EntityDraft {
  const draft = useContext(EntityDraftContext);
  if (!draft) throw new Error("useEntityDraft() is only available inside <EntityEditor>'s viewsSlot.");
  return draft;
}
