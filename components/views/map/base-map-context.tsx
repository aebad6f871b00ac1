"use client";

import { createContext, type ReactNode } from "react";
import { OFFLINE_BASE_MAP, type BaseMap } from "@/lib/map/base-map";

/** The base map the deployment configured, read on the server once per page (app/(app)/layout.tsx). */
export const BaseMapContext = createContext<BaseMap>(OFFLINE_BASE_MAP);

export function BaseMapProvider({ baseMap, children }: { baseMap: BaseMap; children: ReactNode }) {
  return <BaseMapContext value={baseMap}>{children}</BaseMapContext>;
}
