"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { restoreRevisionAction, saveParamsAction } from "@/app/(app)/editor/actions";
import { ParamsForm } from "@/components/params-form/params-form";
import { useParamsForm } from "@/components/params-form/use-params-form";
import { parametrizationOf } from "@/definitions/params-registry";
import { paramsToJson } from "@/lib/entities/file-import";
import type { EntityDetail, EntityFailure, Revision } from "@/lib/entities/types";
import { downloadText } from "@/components/params-form/download";
import type { Parametrization, ParamsDraft } from "@/lib/params";
import type { FieldError } from "@/components/params-form/params-form";
import { Button } from "@/components/ui/button";
import { DiffList } from "./diff-list";
import { EntityDraftContext, type EntityDraft } from "./entity-draft";
import { HistoryDialog, revisionsKey } from "./history-dialog";

type Conflict = Extract<EntityFailure, { kind: "conflict" }>;

export interface EntityEditorProps {
  readonly entity: EntityDetail;
  readonly typeLabel: string;
  /** The right-hand panel: the entity's views. Rendered inside the draft context (see entity-draft.tsx). */
  readonly viewsSlot?: ReactNode;
}

/**
 * The editor of one entity: its params form, Save (the button, Ctrl/Cmd-S), the unsaved-changes
 * mark and the warning before leaving with unsaved changes, the conflict banner when someone saved
 * first, and the history. Typing never waits for the server: the form is local state.
 */
export function EntityEditor({ entity, typeLabel, viewsSlot }: EntityEditorProps) {
  const parametrization = parametrizationOf(entity.type);
  if (!parametrization) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
        This entity&apos;s type, “{entity.type}”, is no longer installed; its params are kept but cannot be edited.
      </p>
    );
  }
  return <Editor entity={entity} typeLabel={typeLabel} viewsSlot={viewsSlot} parametrization={parametrization} />;
}

function Editor({ entity, typeLabel, viewsSlot, parametrization }: EntityEditorProps & { parametrization: Parametrization }) {
  const { state, dispatch, errors, dirty } = useParamsForm(parametrization, { params: entity.params, version: entity.version });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showDiff, setShowDiff] = useState(false);
  const [status, setStatus] = useState<{ text: string; tone: "ok" | "error" } | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [saving, startSaving] = useTransition();
  const queryClient = useQueryClient();
  const readOnly = !entity.canEdit;

  // Errors a view reported, shown while the draft is the one they were reported for.
  const [viewErrors, setViewErrors] = useState<{ draft: ParamsDraft; fields: readonly FieldError[] } | null>(null);
  const draftRef = useRef(state.draft);
  useEffect(() => {
    draftRef.current = state.draft;
  });
  const reportFieldErrors = useCallback((fields: readonly FieldError[]) => setViewErrors({ draft: draftRef.current, fields }), []);
  const shownErrors = useMemo(
    () => (viewErrors && viewErrors.draft === state.draft ? [...errors, ...viewErrors.fields] : errors),
    [errors, viewErrors, state.draft],
  );

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
        setShowDiff(false);
        setStatus({ text: `Saved as version ${result.value.version}.`, tone: "ok" });
        void queryClient.invalidateQueries({ queryKey: revisionsKey(entity.id) });
      } else if (result.failure.kind === "conflict") {
        setConflict(result.failure);
        setStatus(null);
      } else {
        setStatus({ text: `Not saved: ${result.failure.message}`, tone: "error" });
      }
    });
  };

  const restore = (revision: Revision) => {
    if (dirty && !window.confirm("Restoring replaces your unsaved changes. Restore anyway?")) return;
    startSaving(async () => {
      const result = await restoreRevisionAction({ id: entity.id, version: revision.version, expectedVersion: state.version });
      setHistoryOpen(false);
      if (result.ok) {
        dispatch({ type: "load", params: revision.params, version: result.value.version });
        setConflict(null);
        setStatus({ text: `Restored version ${revision.version} as version ${result.value.version}.`, tone: "ok" });
        void queryClient.invalidateQueries({ queryKey: revisionsKey(entity.id) });
      } else if (result.failure.kind === "conflict") {
        setConflict(result.failure);
      } else {
        setStatus({ text: `Not restored: ${result.failure.message}`, tone: "error" });
      }
    });
  };

  // Ctrl/Cmd-S saves; the handler reads the latest `save` through a ref, so the listener is added once.
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

  useLeaveWarning(dirty && !readOnly);

  const draft = useMemo<EntityDraft>(
    () => ({
      entity: { id: entity.id, type: entity.type, name: entity.name },
      params: state.draft,
      errors,
      version: state.version,
      dirty,
      reportFieldErrors,
    }),
    [entity.id, entity.type, entity.name, state.draft, errors, state.version, dirty, reportFieldErrors],
  );

  return (
    <EntityDraftContext.Provider value={draft}>
      <div className="grid min-w-0 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{typeLabel}</p>
              <h1 className="truncate text-2xl font-semibold">{entity.name}</h1>
              <p className="text-xs text-slate-500">
                Version {state.version} · owned by {entity.owner.name}
                {readOnly && " · read only"}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {dirty && !readOnly && (
                <span className="flex items-center gap-1.5 text-sm text-amber-700" data-testid="unsaved">
                  <span aria-hidden className="h-2 w-2 rounded-full bg-amber-500" />
                  Unsaved changes
                </span>
              )}
              <Button
                onClick={() =>
                  downloadText(
                    `${entity.name.replace(/[^\w.-]+/g, "-")}.json`,
                    "application/json",
                    paramsToJson({ type: entity.type, name: entity.name, params: state.baseline }),
                  )
                }
                title="Download the saved params as a Gusset JSON file, which New from file reads back"
              >
                Export params
              </Button>
              <Button onClick={() => setHistoryOpen(true)}>History</Button>
              {!readOnly && (
                <Button
                  variant="primary"
                  disabled={saving || !dirty}
                  onClick={() => save()}
                  aria-keyshortcuts="Control+S Meta+S"
                  title="Save (Ctrl+S)"
                >
                  {saving ? "Saving…" : "Save"}
                </Button>
              )}
            </div>
          </div>

          <div aria-live="polite">
            {status && (
              <p role="status" className={`text-sm ${status.tone === "ok" ? "text-green-700" : "text-red-700"}`}>
                {status.text}
              </p>
            )}
          </div>

          {conflict && (
            <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              <p>
                <strong>Not saved.</strong> {conflict.message}
              </p>
              <p>
                Your changes are still here. Review the difference, then keep yours (saved as a new version after theirs) or load theirs.
              </p>
              <div className="flex flex-wrap gap-2">
                <Button aria-expanded={showDiff} onClick={() => setShowDiff((value) => !value)}>
                  {showDiff ? "Hide the difference" : "Review the difference"}
                </Button>
                <Button disabled={saving} onClick={() => save(conflict.version)}>
                  Save mine over theirs
                </Button>
                <Button
                  disabled={saving}
                  onClick={() => {
                    dispatch({ type: "load", params: conflict.params, version: conflict.version });
                    setConflict(null);
                    setStatus({
                      text: `Loaded version ${conflict.version} by ${conflict.savedBy.name}; your changes were discarded.`,
                      tone: "ok",
                    });
                  }}
                >
                  Discard mine and load theirs
                </Button>
              </div>
              {showDiff && (
                <div className="rounded-md border border-amber-200 bg-white p-3">
                  <DiffList
                    parametrization={parametrization}
                    before={conflict.params}
                    after={state.draft}
                    beforeLabel={`Theirs (version ${conflict.version}, ${conflict.savedBy.name})`}
                    afterLabel="Yours"
                  />
                </div>
              )}
            </div>
          )}

          <form
            aria-label={`Inputs of ${entity.name}`}
            // Saving is explicit (Save, Ctrl/Cmd-S): Enter in a field never submits.
            onSubmit={(event) => event.preventDefault()}
          >
            <ParamsForm
              parametrization={parametrization}
              draft={state.draft}
              dispatch={dispatch}
              errors={shownErrors}
              readOnly={readOnly}
              entity={draft.entity}
            />
          </form>
        </div>
        <div className="min-w-0">
          {viewsSlot ?? (
            <section aria-label="Views" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-500">
              Views appear here.
            </section>
          )}
        </div>
      </div>
      {historyOpen && (
        <HistoryDialog
          entityId={entity.id}
          parametrization={parametrization}
          canRestore={!readOnly}
          restoring={saving}
          onRestore={restore}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </EntityDraftContext.Provider>
  );
}

/**
 * Warns before leaving with unsaved changes: the browser's own prompt on reload, close and
 * address-bar navigation (`beforeunload`), and a confirm on in-app links (a Next.js <Link>
 * navigates without unloading the page). The link check runs in the capture phase on the document,
 * before React's handlers, and stops the click if the user stays.
 */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (
        !(anchor instanceof HTMLAnchorElement) ||
        anchor.target === "_blank" ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey
      )
        return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search))
        return;
      if (!window.confirm("You have unsaved changes. Leave without saving them?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [active]);
}
