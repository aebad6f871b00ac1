"use client";

import { createContext, useCallback, useContext } from "react";
import type { ModelSource } from "@/lib/controller/results";

/** The entity type whose views are shown: a result names its bundled files (a glTF model's asset) relative to it. */
export const ViewEntityType = createContext<string | null>(null);

/** Where the browser fetches a model from: the file route for an upload, the entity type's assets route for a bundled file. */
export function useModelUrl(): (source: ModelSource) => string | null {
  const entityType = useContext(ViewEntityType);
  return useCallback(
    (source: ModelSource) => {
      if ("file" in source) return `/api/files/${encodeURIComponent(source.file.fileId)}`;
      return entityType ? `/api/entity-types/${encodeURIComponent(entityType)}/assets/${encodeURIComponent(source.asset)}` : null;
    },
    [entityType],
  );
}
