"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Revision } from "@/lib/entities/types";
import type { Parametrization } from "@/lib/params";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { DiffList } from "./diff-list";
import { fetchApiValue } from "@/lib/http/fetch-api";

/** The history's queries: the pages of versions, and each version's params. */
export function revisionsKey(entityId: string) {
  return ["entity-revisions", entityId] as const;
}

const revisionQuery = (entityId: string, version: number) => ({
  queryKey: [...revisionsKey(entityId), "version", version] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    fetchApiValue("entity-revision", `/api/entities/${encodeURIComponent(entityId)}/revisions/${version}`, { signal, cache: "no-store" }),
  // A saved version never changes.
  staleTime: Infinity,
});

/**
 * The history of an entity: its saved versions, newest first, 50 at a time ("Show older
 * versions"), with who saved each and when; the difference between any two (their params read one
 * version at a time), and "Restore" to save an old version's params as a new version.
 */
export function HistoryDialog({
  entityId,
  parametrization,
  canRestore,
  restoring,
  onRestore,
  onClose,
}: {
  entityId: string;
  parametrization: Parametrization;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (revision: Revision) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery({
    queryKey: [...revisionsKey(entityId), "pages"],
    queryFn: ({ pageParam, signal }) =>
      fetchApiValue(
        "entity-revisions",
        `/api/entities/${encodeURIComponent(entityId)}/revisions${pageParam ? `?before=${pageParam}` : ""}`,
        { signal, cache: "no-store" },
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
  const revisions = pages.data?.pages.flatMap((page) => page.revisions) ?? [];
  const [pair, setPair] = useState<{ older: number; newer: number } | null>(null);
  const newer = pair?.newer ?? revisions[0]?.version;
  const older = pair?.older ?? revisions[1]?.version ?? revisions[0]?.version;
  const olderRevision = useQuery({ ...revisionQuery(entityId, older ?? 1), enabled: older !== undefined && revisions.length > 1 });
  const newerRevision = useQuery({ ...revisionQuery(entityId, newer ?? 1), enabled: newer !== undefined && revisions.length > 1 });
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const restore = async (version: number) => {
    setRestoreError(null);
    try {
      onRestore(await queryClient.fetchQuery(revisionQuery(entityId, version)));
    } catch (error) {
      setRestoreError(error instanceof Error ? error.message : String(error));
    }
  };
  const select = "rounded-md border border-slate-300 px-2 py-1 text-sm";

  return (
    <Dialog title="History" onClose={onClose} wide>
      {pages.isPending ? (
        <p className="text-sm text-slate-500">Loading the history…</p>
      ) : pages.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {pages.error.message}
        </p>
      ) : (
        <div className="grid gap-6 md:grid-cols-[minmax(0,18rem)_1fr]">
          <div className="max-h-[60vh] space-y-2 overflow-y-auto pr-1">
            <ol aria-label="Saved versions" className="space-y-2">
              {revisions.map((revision, index) => (
                <li key={revision.version} className="rounded-md border border-slate-200 p-2.5 text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">
                      Version {revision.version}
                      {index === 0 && <span className="ml-1 text-xs font-normal text-slate-500">(current)</span>}
                    </span>
                    <time dateTime={revision.savedAt} className="text-xs text-slate-500">
                      {new Date(revision.savedAt).toLocaleString()}
                    </time>
                  </div>
                  <p className="text-xs text-slate-600">
                    {revision.version === 1 ? "Created" : "Saved"} by {revision.savedBy.name}
                    {revision.restoredFrom !== null && `, restoring version ${revision.restoredFrom}`}
                  </p>
                  {canRestore && index > 0 && (
                    <Button size="sm" className="mt-2" disabled={restoring} onClick={() => void restore(revision.version)}>
                      Restore version {revision.version}
                    </Button>
                  )}
                </li>
              ))}
            </ol>
            {pages.hasNextPage && (
              <Button size="sm" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
                {pages.isFetchingNextPage ? "Loading…" : "Show older versions"}
              </Button>
            )}
            {restoreError && (
              <p role="alert" className="text-sm text-red-700">
                {restoreError}
              </p>
            )}
          </div>
          <div className="min-w-0 space-y-3">
            {revisions.length < 2 ? (
              <p className="text-sm text-slate-500">Only one version so far: save to start comparing.</p>
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <label htmlFor="history-older">Compare version</label>
                  <select
                    id="history-older"
                    className={select}
                    value={older}
                    onChange={(event) => setPair({ older: Number(event.target.value), newer: newer ?? 1 })}
                  >
                    {revisions.map((r) => (
                      <option key={r.version} value={r.version}>
                        {r.version}
                      </option>
                    ))}
                  </select>
                  <label htmlFor="history-newer">with version</label>
                  <select
                    id="history-newer"
                    className={select}
                    value={newer}
                    onChange={(event) => setPair({ older: older ?? 1, newer: Number(event.target.value) })}
                  >
                    {revisions.map((r) => (
                      <option key={r.version} value={r.version}>
                        {r.version}
                      </option>
                    ))}
                  </select>
                </div>
                {olderRevision.data && newerRevision.data ? (
                  <DiffList
                    parametrization={parametrization}
                    before={olderRevision.data.params}
                    after={newerRevision.data.params}
                    beforeLabel={`Version ${olderRevision.data.version}`}
                    afterLabel={`Version ${newerRevision.data.version}`}
                  />
                ) : olderRevision.isError || newerRevision.isError ? (
                  <p role="alert" className="text-sm text-red-700">
                    {(olderRevision.error ?? newerRevision.error)?.message}
                  </p>
                ) : (
                  <p className="text-sm text-slate-500">Loading the two versions…</p>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
