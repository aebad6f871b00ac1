"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useMemo, useState } from "react";
import type { ViewInfo } from "@/lib/controller/describe-views";
import type { Api } from "@/lib/http/api";
import type { Failure as CallFailure, FieldIssue, Result } from "@/lib/result";
import { Tabs } from "@/components/ui/tabs";
import { fetchView } from "./fetch-view";
import { stableJson } from "./stable-json";
import { useSettledValue } from "./use-settled-value";
import { ViewEntityType } from "./view-entity-type";
import { ViewResultView } from "./view-result";
import { fetchApiValue } from "@/lib/http/fetch-api";

export interface EntityViewsProps {
  readonly entityId: string;
  /** The entity type's name ("beam"). */
  readonly entityType: string;
  /** The params in the editor, saved or not: every view runs on these. */
  readonly params: unknown;
  /** The type's views; fetched from `GET /api/entity-types/:type` when not given. */
  readonly views?: readonly ViewInfo[];
  /** The fields the active view blames for its failure (an InputViolation, invalid params); `[]` once it succeeds. */
  readonly onFieldErrors?: (fields: readonly FieldIssue[]) => void;
  /** How long the params must stay unchanged before the active view re-runs, in ms. Default 300. */
  readonly debounceMs?: number;
}

/** What a view query holds: the outcome, and the params it was computed from. */
interface Computed {
  readonly outcome: Result<Api["view-call"]>;
  readonly paramsJson: string;
}

/**
 * The views panel of the editor: one tab per view of the entity type. The
 * active view runs on the editor's params as they settle (each edit is one
 * stateless call; a newer one cancels the older, so the latest wins); a slow
 * view runs only on its Update button and says when its result is outdated.
 */
export function EntityViews({ entityId, entityType, params, views: givenViews, onFieldErrors, debounceMs = 300 }: EntityViewsProps) {
  const listed = useQuery({
    queryKey: ["entity-type", entityType],
    queryFn: async ({ signal }) =>
      (await fetchApiValue("entity-type", `/api/entity-types/${encodeURIComponent(entityType)}`, { signal })).views,
    enabled: !givenViews,
    staleTime: Infinity,
  });
  const views = givenViews ?? listed.data;
  const [chosen, setChosen] = useState<string | null>(null);
  const active = views?.find((view) => view.name === chosen) ?? views?.[0];
  const paramsJson = useMemo(() => stableJson(params ?? {}), [params]);
  const settledJson = useSettledValue(paramsJson, debounceMs);

  if (!views) {
    return listed.error ? (
      <p role="alert" className="text-sm text-red-700">
        {listed.error.message}
      </p>
    ) : (
      <p className="text-sm text-slate-500">Loading views…</p>
    );
  }
  if (!active) return <p className="text-sm text-slate-500">This entity type has no views.</p>;

  return (
    <section aria-label="Views" className="@container space-y-3" data-entity-views>
      <Tabs
        label="Views"
        look="folder"
        tabs={views.map((view) => ({
          key: view.name,
          label: (
            <>
              {view.label}
              {view.slow ? <span className="ml-1.5 rounded bg-slate-100 px-1 text-xs font-normal text-slate-500">slow</span> : null}
            </>
          ),
        }))}
        selectedKey={active.name}
        onSelect={setChosen}
      >
        {active.description ? <p className="mb-2 text-sm text-slate-500">{active.description}</p> : null}
        <ViewEntityType value={entityType}>
          {active.slow ? (
            <SlowView key={active.name} entityId={entityId} view={active} paramsJson={paramsJson} onFieldErrors={onFieldErrors} />
          ) : (
            <FastView
              key={active.name}
              entityId={entityId}
              view={active}
              settledJson={settledJson}
              paramsJson={paramsJson}
              onFieldErrors={onFieldErrors}
            />
          )}
        </ViewEntityType>
      </Tabs>
    </section>
  );
}

interface ViewPanelProps {
  readonly entityId: string;
  readonly view: ViewInfo;
  readonly paramsJson: string;
  readonly onFieldErrors: EntityViewsProps["onFieldErrors"];
}

/** Tells the form which fields to mark, each time a new outcome is shown. */
function useReportFields(computed: Computed | undefined, onFieldErrors: EntityViewsProps["onFieldErrors"]) {
  const report = useEffectEvent((fields: readonly FieldIssue[]) => onFieldErrors?.(fields));
  useEffect(() => {
    if (!computed) return;
    const { outcome } = computed;
    report(outcome.ok ? [] : outcome.failure.code === "invalid_input" ? outcome.failure.fields : []);
  }, [computed]);
}

/** A fast view: re-runs when the settled params change, on entering its tab, and on Refresh. */
function FastView({ entityId, view, settledJson, paramsJson, onFieldErrors }: ViewPanelProps & { readonly settledJson: string }) {
  const query = useQuery({
    queryKey: ["view", entityId, view.name, settledJson],
    // The signal aborts this request when a newer key replaces it (an edit) or the tab closes.
    queryFn: async ({ signal }): Promise<Computed> => ({
      outcome: await fetchView(entityId, view.name, JSON.parse(settledJson), { signal }),
      paramsJson: settledJson,
    }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnMount: "always",
    retry: false,
  });
  useReportFields(query.data, onFieldErrors);
  const busy = query.isFetching || paramsJson !== settledJson;
  return (
    <div className="space-y-2" aria-busy={busy} data-view={view.name} data-state={busy ? "updating" : "idle"}>
      <div className="flex min-h-7 items-center justify-end gap-3 text-xs text-slate-500">
        {busy ? <span role="status">Updating…</span> : null}
        <button
          type="button"
          onClick={() => void query.refetch()}
          className="rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-700 hover:bg-slate-50"
        >
          Refresh
        </button>
      </div>
      {query.error ? <RequestError error={query.error} /> : null}
      {query.data ? (
        <Outcome outcome={query.data.outcome} />
      ) : query.isPending ? (
        <p className="text-sm text-slate-500">Computing…</p>
      ) : null}
    </div>
  );
}

/** A slow view: runs only on Update, shows progress and can be cancelled; an older result stays, marked outdated. */
function SlowView({ entityId, view, paramsJson, onFieldErrors }: ViewPanelProps) {
  const client = useQueryClient();
  const [run, setRun] = useState<{ paramsJson: string; n: number } | null>(null);
  const [progress, setProgress] = useState<{ fraction: number; message?: string } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const queryKey = ["view", entityId, view.name, run?.paramsJson ?? null, run?.n ?? 0];
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<Computed> => {
      const json = run!.paramsJson;
      const outcome = await fetchView(entityId, view.name, JSON.parse(json), {
        signal,
        onProgress: (fraction, message) => setProgress({ fraction, message }),
      });
      return { outcome, paramsJson: json };
    },
    enabled: run !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  useReportFields(query.data, onFieldErrors);
  const running = query.isFetching;
  const shown = query.data;
  const outdated = shown !== undefined && shown.paramsJson !== paramsJson;

  const update = () => {
    setCancelled(false);
    setProgress({ fraction: 0, message: "Starting…" });
    setRun((previous) => ({ paramsJson, n: (previous?.n ?? 0) + 1 }));
  };
  const cancel = () => {
    setCancelled(true);
    void client.cancelQueries({ queryKey });
  };

  return (
    <div
      className="space-y-2"
      aria-busy={running}
      data-view={view.name}
      data-state={running ? "running" : outdated ? "outdated" : shown ? "current" : "empty"}
    >
      <div className="flex flex-wrap items-center justify-end gap-3">
        {running ? (
          <button
            type="button"
            onClick={cancel}
            className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            onClick={update}
            className="rounded bg-blue-700 px-3 py-1 text-sm font-semibold text-white hover:bg-blue-800"
          >
            Update
          </button>
        )}
      </div>
      {running && progress ? (
        <div className="space-y-1" role="status">
          <div
            role="progressbar"
            aria-label={`${view.label} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress.fraction * 100)}
            className="h-2 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-blue-600 transition-[width]" style={{ width: `${progress.fraction * 100}%` }} />
          </div>
          <p className="text-xs text-slate-600">
            {Math.round(progress.fraction * 100)} %{progress.message ? ` · ${progress.message}` : ""}
          </p>
        </div>
      ) : null}
      {cancelled && !running ? (
        <p className="text-sm text-slate-600" role="status">
          Cancelled. {shown ? "The result below is from the last completed run." : ""}
        </p>
      ) : null}
      {outdated && !running ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" data-outdated>
          <strong>Outdated</strong> — the params changed since this result. Update to recompute.
        </p>
      ) : null}
      {query.error ? <RequestError error={query.error} /> : null}
      {shown ? (
        <div className={outdated ? "opacity-60" : undefined}>
          <Outcome outcome={shown.outcome} />
        </div>
      ) : !running ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          This view takes a while (about {view.durationGuess} s), so it runs only when you click <strong>Update</strong>.
        </p>
      ) : null}
    </div>
  );
}

function RequestError({ error }: { error: Error }) {
  if (error.name === "AbortError" || error.name === "CancelledError") return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      The view could not be reached: {error.message}
    </p>
  );
}

/** A result, or why there is none. */
function Outcome({ outcome }: { outcome: Result<Api["view-call"]> }) {
  return outcome.ok ? <ViewResultView result={outcome.value} /> : <Failure failure={outcome.failure} />;
}

function Failure({ failure }: { failure: CallFailure }) {
  switch (failure.code) {
    case "refused":
      return (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          data-failure="refused"
        >
          {failure.message}
        </div>
      );
    case "invalid_input":
      return (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          data-failure="invalid_input"
        >
          <p className="font-semibold">Check the marked inputs.</p>
          <ul className="mt-1 list-disc pl-5">
            {failure.fields.length ? failure.fields.map((field) => <li key={field.path}>{field.message}</li>) : <li>{failure.message}</li>}
          </ul>
        </div>
      );
    case "cancelled":
      return <p className="text-sm text-slate-600">Cancelled.</p>;
    case "not_found":
      return (
        <p role="alert" className="text-sm text-red-700" data-failure="not_found">
          {failure.message}
        </p>
      );
    default:
      return (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-failure={failure.code}>
          {failure.message}
          {failure.reference && " If it happens again, give this reference to your administrator."}
        </div>
      );
  }
}
