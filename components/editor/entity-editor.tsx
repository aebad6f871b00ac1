"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ParamsForm } from "@/components/params-form/params-form";
import { useParamsForm } from "@/components/params-form/use-params-form";
import { useParametrization } from "@/components/params-form/load-parametrization";
import type { ButtonInfo } from "@/lib/controller/describe-buttons";
import { paramsToJson } from "@/lib/entities/file-import";
import type { EntityDetail } from "@/lib/entities/types";
import { downloadText } from "@/components/params-form/download";
import type { Parametrization, ParamsDraft } from "@/lib/params";
import type { FieldIssue } from "@/lib/result";
import { Button } from "@/components/ui/button";
import { ConflictBanner } from "./conflict-banner";
import { EntityDraftContext, type EntityDraft } from "./entity-draft";
import { HistoryDialog } from "./history-dialog";
import { useEntitySave, useSaveShortcut } from "./use-entity-save";

export interface EntityEditorProps {
  readonly entity: EntityDetail;
  /** What the browser needs of the entity's type (sent by the page); null for a type no longer installed. */
  readonly type: EditorType | null;
  /** The right-hand panel: the entity's views. Rendered inside the draft context (see entity-draft.tsx). */
  readonly viewsSlot?: ReactNode;
}

export interface EditorType {
  readonly label: string;
  /** Where the type's parametrization lives (definitions/<folder>/params.ts), loaded by the browser. */
  readonly folder: string;
  readonly buttons: Readonly<Record<string, ButtonInfo>>;
}

/**
 * The editor of one entity: its params form, Save (the button, Ctrl/Cmd-S), the unsaved-changes
 * mark and the warning before leaving with unsaved changes, the conflict banner when someone saved
 * first, and the history. Typing never waits for the server: the form is local state.
 */
export function EntityEditor({ entity, type, viewsSlot }: EntityEditorProps) {
  if (!type) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
        This entity&apos;s type, “{entity.type}”, is no longer installed; its params are kept but cannot be edited.
      </p>
    );
  }
  return <LoadedEditor entity={entity} type={type} viewsSlot={viewsSlot} />;
}

/**
 * The editor once its type's parametrization is in the browser. Until then (on the server too, so
 * nothing is drawn that cannot yet be used) it says it is loading.
 */
function LoadedEditor({ type, ...props }: EntityEditorProps & { type: EditorType }) {
  const parametrization = useParametrization(type.folder);
  if (parametrization instanceof Error) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        The inputs of {props.entity.name} could not be loaded ({parametrization.message}). Reload the page to try again.
      </p>
    );
  }
  if (!parametrization) {
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading the inputs of {props.entity.name}…
      </p>
    );
  }
  return <Editor {...props} type={type} parametrization={parametrization} />;
}

function Editor({ entity, type, viewsSlot, parametrization }: EntityEditorProps & { type: EditorType; parametrization: Parametrization }) {
  const form = useParamsForm(parametrization, { params: entity.params, version: entity.version });
  const { state, dispatch, errors, dirty } = form;
  const { save, restore, loadTheirs, saving, conflict, status } = useEntitySave(entity, form);
  const { shownErrors, reportFieldErrors } = useViewFieldErrors(state.draft, errors);
  const [historyOpen, setHistoryOpen] = useState(false);
  const readOnly = !entity.canEdit;

  useSaveShortcut(save);
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
          <EditorHeader
            entity={entity}
            typeLabel={type.label}
            version={state.version}
            unsaved={dirty && !readOnly}
            saving={saving}
            onExport={() =>
              downloadText(
                `${entity.name.replace(/[^\w.-]+/g, "-")}.json`,
                "application/json",
                paramsToJson({ type: entity.type, name: entity.name, params: state.baseline }),
              )
            }
            onHistory={() => setHistoryOpen(true)}
            onSave={() => save()}
          />

          <div aria-live="polite">
            {status && (
              <p role="status" className={`text-sm ${status.tone === "ok" ? "text-green-700" : "text-red-700"}`}>
                {status.text}
              </p>
            )}
          </div>

          {conflict && (
            <ConflictBanner
              conflict={conflict}
              parametrization={parametrization}
              mine={state.draft}
              saving={saving}
              onSaveMine={() => save(conflict.version)}
              onLoadTheirs={() => loadTheirs(conflict)}
            />
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
              buttons={type.buttons}
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
          onRestore={(revision) => restore(revision, () => setHistoryOpen(false))}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </EntityDraftContext.Provider>
  );
}

/** The entity's type, name, version and owner; the unsaved mark; Export, History and Save. */
function EditorHeader({
  entity,
  typeLabel,
  version,
  unsaved,
  saving,
  onExport,
  onHistory,
  onSave,
}: {
  entity: EntityDetail;
  typeLabel: string;
  version: number;
  unsaved: boolean;
  saving: boolean;
  onExport: () => void;
  onHistory: () => void;
  onSave: () => void;
}) {
  const readOnly = !entity.canEdit;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{typeLabel}</p>
        <h1 className="truncate text-2xl font-semibold">{entity.name}</h1>
        <p className="text-xs text-slate-500">
          Version {version} · owned by {entity.owner.name}
          {readOnly && " · read only"}
        </p>
      </div>
      <div className="flex items-center gap-2">
        {unsaved && (
          <span className="flex items-center gap-1.5 text-sm text-amber-700" data-testid="unsaved">
            <span aria-hidden className="h-2 w-2 rounded-full bg-amber-500" />
            Unsaved changes
          </span>
        )}
        <Button onClick={onExport} title="Download the saved params as a Gusset JSON file, which New from file reads back">
          Export params
        </Button>
        <Button onClick={onHistory}>History</Button>
        {!readOnly && (
          <Button
            variant="primary"
            disabled={saving || !unsaved}
            onClick={onSave}
            aria-keyshortcuts="Control+S Meta+S"
            title="Save (Ctrl+S)"
          >
            {saving ? "Saving…" : "Save"}
          </Button>
        )}
      </div>
    </div>
  );
}

/**
 * Errors a view reported (an InputViolation) beside the draft's own, shown while the draft is the
 * one they were reported for. `reportFieldErrors` is stable, for the views panel's effects.
 */
function useViewFieldErrors(draft: ParamsDraft, errors: readonly FieldIssue[]) {
  const [viewErrors, setViewErrors] = useState<{ draft: ParamsDraft; fields: readonly FieldIssue[] } | null>(null);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  });
  const reportFieldErrors = useCallback((fields: readonly FieldIssue[]) => setViewErrors({ draft: draftRef.current, fields }), []);
  const shownErrors = useMemo(() => {
    if (!viewErrors || viewErrors.draft !== draft) return errors;
    // The view's server says what the form's own check may already say: each once.
    const known = new Set(errors.map((error) => `${error.path}\n${error.message}`));
    return [...errors, ...viewErrors.fields.filter((field) => !known.has(`${field.path}\n${field.message}`))];
  }, [errors, viewErrors, draft]);
  return { shownErrors, reportFieldErrors };
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
