"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useTransition } from "react";
import { restoreRevisionAction, saveParamsAction } from "@/app/(app)/editor/actions";
import type { useParamsForm } from "@/components/params-form/use-params-form";
import type { ConflictFailure, EntityDetail, Revision } from "@/lib/entities/types";
import { revisionsKey } from "./history-dialog";

/** Someone saved first: who, their version and their params (store-params.ts). */
export type Conflict = ConflictFailure;

/** The line under the editor's header after a save, a restore or a refusal. */
export interface SaveStatus {
  readonly text: string;
  readonly tone: "ok" | "error";
}

type ParamsFormState = ReturnType<typeof useParamsForm>;

/**
 * Saving an entity's params with optimistic concurrency: Save sends the draft with the version it
 * started from; a conflict keeps the draft and holds theirs, to save over (`save(conflict.version)`)
 * or load (`loadTheirs`). Restoring a revision saves its params as a new version.
 */
export function useEntitySave(entity: EntityDetail, { state, dispatch, errors, dirty }: ParamsFormState) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const [saving, startSaving] = useTransition();
  const queryClient = useQueryClient();
  const readOnly = !entity.canEdit;
  const refreshHistory = () => void queryClient.invalidateQueries({ queryKey: revisionsKey(entity.id) });

  const save = (expectedVersion = state.version) => {
    if (readOnly || saving) return;
    if (errors.length > 0) {
      setStatus({ text: `Not saved: ${errors.length === 1 ? "1 input needs" : `${errors.length} inputs need`} attention.`, tone: "error" });
      return;
    }
    const sent = state.draft;
    startSaving(async () => {
      const result = await saveParamsAction({ id: entity.id, params: sent, expectedVersion });
      if (result.ok) {
        dispatch({ type: "saved", params: sent, version: result.value.version });
        setConflict(null);
        setStatus({ text: `Saved as version ${result.value.version}.`, tone: "ok" });
        refreshHistory();
      } else if (result.failure.code === "conflict") {
        setConflict(result.failure);
        setStatus(null);
      } else {
        setStatus({ text: `Not saved: ${result.failure.message}`, tone: "error" });
      }
    });
  };

  /** `onAnswer` runs when the server has answered, before the outcome is shown (the history dialog closes then). */
  const restore = (revision: Revision, onAnswer?: () => void) => {
    if (dirty && !window.confirm("Restoring replaces your unsaved changes. Restore anyway?")) return;
    startSaving(async () => {
      const result = await restoreRevisionAction({ id: entity.id, version: revision.version, expectedVersion: state.version });
      onAnswer?.();
      if (result.ok) {
        dispatch({ type: "load", params: revision.params, version: result.value.version });
        setConflict(null);
        setStatus({ text: `Restored version ${revision.version} as version ${result.value.version}.`, tone: "ok" });
        refreshHistory();
      } else if (result.failure.code === "conflict") {
        setConflict(result.failure);
      } else {
        setStatus({ text: `Not restored: ${result.failure.message}`, tone: "error" });
      }
    });
  };

  /** Drops the draft for the params that won the conflict. */
  const loadTheirs = (theirs: Conflict) => {
    dispatch({ type: "load", params: theirs.params, version: theirs.version });
    setConflict(null);
    setStatus({ text: `Loaded version ${theirs.version} by ${theirs.savedBy.name}; your changes were discarded.`, tone: "ok" });
  };

  return { save, restore, loadTheirs, saving, conflict, status };
}

/** Ctrl/Cmd-S calls `save`; the listener reads the latest `save` through a ref, so it is added once. */
export function useSaveShortcut(save: () => void) {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
