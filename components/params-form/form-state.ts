// The form's state and its one reducer: pure, no React, unit-tested. The form is local state:
// typing never waits for the server.
import type { ParamsDraft } from "@/lib/params";

/** One step of a value path: a key, or a row index. */
export type PathToken = string | number;

/** `loads.pointLoads[2].F` → `["loads", "pointLoads", 2, "F"]`; a quoted key (`a["b.c"]`) stays one token. */
export function parsePath(path: string): PathToken[] {
  const tokens: PathToken[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) tokens.push(Number(match[1]));
    else if (match[2] !== undefined) tokens.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) tokens.push(match[3]);
  }
  return tokens;
}

export function getAt(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const token of parsePath(path)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PathToken, unknown>)[token];
  }
  return at;
}

/** A copy of `value` with `next` at `path`; everything off the path is shared, not copied. */
export function setAt<T>(value: T, path: string, next: unknown): T {
  return setTokens(value, parsePath(path), next) as T;
}

function setTokens(value: unknown, tokens: readonly PathToken[], next: unknown): unknown {
  const [head, ...rest] = tokens;
  if (head === undefined) return next;
  if (typeof head === "number") {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setTokens(list[head], rest, next);
    return list;
  }
  const record = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { ...record, [head]: setTokens(record[head], rest, next) };
}

export interface FormState {
  /** What the form shows and edits. */
  readonly draft: ParamsDraft;
  /** The params as last loaded or saved: the form is dirty when the draft differs. */
  readonly baseline: ParamsDraft;
  /** The entity version the baseline is: what a save names as its expected version. */
  readonly version: number;
}

export type FormAction =
  | { readonly type: "set"; readonly path: string; readonly value: unknown }
  | { readonly type: "insertRow"; readonly path: string; readonly index: number; readonly row: ParamsDraft }
  | { readonly type: "removeRow"; readonly path: string; readonly index: number }
  | { readonly type: "moveRow"; readonly path: string; readonly from: number; readonly to: number }
  /** Saved: the draft as it was sent becomes the baseline (edits typed meanwhile stay unsaved). */
  | { readonly type: "saved"; readonly params: ParamsDraft; readonly version: number }
  /** New params from a button (set params, a picked candidate): the draft only, so they stay unsaved and can be rejected. */
  | { readonly type: "replace"; readonly params: ParamsDraft }
  /** Loaded from the server (theirs after a conflict, a restored revision): draft and baseline both. */
  | { readonly type: "load"; readonly params: ParamsDraft; readonly version: number };

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case "set":
      return { ...state, draft: setAt(state.draft, action.path, action.value) };
    case "insertRow": {
      const rows = rowsAt(state.draft, action.path);
      const index = Math.max(0, Math.min(action.index, rows.length));
      return { ...state, draft: setAt(state.draft, action.path, [...rows.slice(0, index), action.row, ...rows.slice(index)]) };
    }
    case "removeRow": {
      const rows = rowsAt(state.draft, action.path);
      return {
        ...state,
        draft: setAt(
          state.draft,
          action.path,
          rows.filter((_, index) => index !== action.index),
        ),
      };
    }
    case "moveRow": {
      const rows = [...rowsAt(state.draft, action.path)];
      if (action.to < 0 || action.to >= rows.length || action.from < 0 || action.from >= rows.length) return state;
      const [row] = rows.splice(action.from, 1);
      rows.splice(action.to, 0, row);
      return { ...state, draft: setAt(state.draft, action.path, rows) };
    }
    case "replace":
      return { ...state, draft: action.params };
    case "saved":
      return { ...state, baseline: action.params, version: action.version };
    case "load":
      return { draft: action.params, baseline: action.params, version: action.version };
  }
}

function rowsAt(draft: ParamsDraft, path: string): unknown[] {
  const rows = getAt(draft, path);
  return Array.isArray(rows) ? rows : [];
}
