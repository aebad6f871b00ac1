"use client";

import dynamic from "next/dynamic";

function Loading({ what }: { what: string }) {
  return (
    <div className="flex h-80 items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500">
      Loading the {what}…
    </div>
  );
}

// recharts, three.js and Leaflet are large: they load only when a view needs them, so
// the editor's first load stays small (docs/benchmarks.md, "First-load JavaScript").
export const PlotView = dynamic(() => import("./plot-view"), { ssr: false, loading: () => <Loading what="plot" /> });
export const GeometryView = dynamic(() => import("./geometry-view"), { ssr: false, loading: () => <Loading what="3D view" /> });
export const MapView = dynamic(() => import("./map-view"), { ssr: false, loading: () => <Loading what="map" /> });
// The web view's sanitiser (isomorphic-dompurify) loads jsdom when imported on the server: about
// 1 s and 107 MB per Next process, for a result that only ever arrives in the browser.
export const WebView = dynamic(() => import("./web-view"), { ssr: false, loading: () => <Loading what="web view" /> });
