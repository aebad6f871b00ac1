"use client";

import { useMemo, useReducer } from "react";
import { validateParams, type ParamsDraft, type ParamsError, type Parametrization } from "@/lib/params";
import { diffParams } from "@/lib/entities/diff-params";
import { formReducer } from "./form-state";

/**
 * The state of one params form: the draft and the baseline it is compared with, validated as you
 * type with the same `validateParams` the server runs (`source: "browser"`), and whether it holds
 * unsaved changes.
 */
export function useParamsForm(parametrization: Parametrization, initial: { params: ParamsDraft; version: number }) {
  const [state, dispatch] = useReducer(formReducer, initial, ({ params, version }) => ({ draft: params, baseline: params, version }));
  const errors: readonly ParamsError[] = useMemo(() => {
    const result = validateParams(parametrization, state.draft, { source: "browser" });
    return result.ok ? [] : result.errors;
  }, [parametrization, state.draft]);
  const dirty = useMemo(() => diffParams(state.baseline, state.draft).length > 0, [state.baseline, state.draft]);
  return { state, dispatch, errors, dirty };
}
