"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Parametrization, ParamsDraft } from "@/lib/params";
import { DiffList } from "./diff-list";
import type { Conflict } from "./use-entity-save";

export interface ConflictBannerProps {
  readonly conflict: Conflict;
  readonly parametrization: Parametrization;
  /** The draft the user tried to save. */
  readonly mine: ParamsDraft;
  readonly saving: boolean;
  /** Save the draft as the version after theirs. */
  readonly onSaveMine: () => void;
  readonly onLoadTheirs: () => void;
}

/**
 * Shown when someone saved first ("Changed by X since you opened it"): the draft is kept; the user
 * reviews the difference, then saves mine over theirs or loads theirs.
 */
export function ConflictBanner({ conflict, parametrization, mine, saving, onSaveMine, onLoadTheirs }: ConflictBannerProps) {
  const [showDiff, setShowDiff] = useState(false);
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p>
        <strong>Not saved.</strong> {conflict.message}
      </p>
      <p>Your changes are still here. Review the difference, then keep yours (saved as a new version after theirs) or load theirs.</p>
      <div className="flex flex-wrap gap-2">
        <Button aria-expanded={showDiff} onClick={() => setShowDiff((value) => !value)}>
          {showDiff ? "Hide the difference" : "Review the difference"}
        </Button>
        <Button disabled={saving} onClick={onSaveMine}>
          Save mine over theirs
        </Button>
        <Button disabled={saving} onClick={onLoadTheirs}>
          Discard mine and load theirs
        </Button>
      </div>
      {showDiff && (
        <div className="rounded-md border border-amber-200 bg-white p-3">
          <DiffList
            parametrization={parametrization}
            before={conflict.params}
            after={mine}
            beforeLabel={`Theirs (version ${conflict.version}, ${conflict.savedBy.name})`}
            afterLabel="Yours"
          />
        </div>
      )}
    </div>
  );
}
