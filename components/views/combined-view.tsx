"use client";

import type { CombinedResult } from "@/lib/controller/results";
import { DataView } from "./data-view";
import { ImageView } from "./image-view";
import { GeometryView, MapView, PlotView } from "./lazy-renderers";

/** A picture (image, plot, geometry or map) and its data side by side; stacked when the views panel is narrow (a container query). */
export function CombinedView({ result }: { result: CombinedResult }) {
  const { main } = result;
  return (
    <div className="grid gap-3 @3xl:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]" data-view-kind="combined">
      <div className="min-w-0">
        {main.kind === "image" ? (
          <ImageView result={main} />
        ) : main.kind === "plot" ? (
          <PlotView result={main} />
        ) : main.kind === "map" ? (
          <MapView result={main} />
        ) : (
          <GeometryView result={main} />
        )}
      </div>
      <DataView result={result.data} />
    </div>
  );
}
