"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Revision } from "@/lib/entities/types";
import type { Parametrization } from "@/lib/params";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { DiffList } from "./diff-list";
import { fetchApiValue } from "@/lib/http/fetch-api";

export function revisionsKey(entityId: string) {
  return ["entity-revisions", entityId] as const;
}

async function fetchRevisions(entityId: string, signal: AbortSignal): Promise<readonly Revision[]> {
  return (await fetchApiValue("entity-revisions", `/api/entities/${encodeURIComponent(entityId)}/revisions`, { signal, cache: "no-store" }))
    .revisions;
}

/**
 * The history of an entity: every saved version with who saved it and when, the difference
 * between any two, and "Restore" to save an old version's params as a new version.
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
  const query = useQuery({ queryKey: revisionsKey(entityId), queryFn: ({ signal }) => fetchRevisions(entityId, signal), staleTime: 0 });
  const revisions = query.data ?? [];
  const [pair, setPair] = useState<{ older: number; newer: number } | null>(null);
  const newer = pair?.newer ?? revisions[0]?.version;
  const older = pair?.older ?? revisions[1]?.version ?? revisions[0]?.version;
  const olderRevision = revisions.find((r) => r.version === older);
  const newerRevision = revisions.find((r) => r.version === newer);
  const select = "rounded-md border border-slate-300 px-2 py-1 text-sm";

  return (
    <Dialog title="History" onClose={onClose} wide>
      {query.isPending ? (
        <p className="text-sm text-slate-500">Loading the history…</p>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {query.error.message}
        </p>
      ) : (
        <div className="grid gap-6 md:grid-cols-[minmax(0,18rem)_1fr]">
          <ol aria-label="Saved versions" className="max-h-[60vh] space-y-2 overflow-y-auto pr-1">
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
                  <Button size="sm" className="mt-2" disabled={restoring} onClick={() => onRestore(revision)}>
                    Restore version {revision.version}
                  </Button>
                )}
              </li>
            ))}
          </ol>
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
                {olderRevision && newerRevision && (
                  <DiffList
                    parametrization={parametrization}
                    before={olderRevision.params}
                    after={newerRevision.params}
                    beforeLabel={`Version ${olderRevision.version}`}
                    afterLabel={`Version ${newerRevision.version}`}
                  />
                )}
              </>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
