"use client";

import dynamic from "next/dynamic";

function Loading({ what }: { what: string }) {
  return (
    <div className="flex h-80 items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500">
      Loading the {what}…
    </div>
  );
}

// recharts and three.js are large: they load only when a view needs them, so
// the editor's first load stays small (README: "First-load JavaScript").
export const PlotView = dynamic(() => import("./plot-view"), { ssr: false, loading: () => <Loading what="plot" /> });
export const GeometryView = dynamic(() => import("./geometry-view"), { ssr: false, loading: () => <Loading what="3D view" /> });
