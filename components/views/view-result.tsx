"use client";

import type { ViewResult } from "@/lib/controller/results";
import { CombinedView } from "./combined-view";
import { DataView } from "./data-view";
import { ImageView } from "./image-view";
import { GeometryView, MapView, PlotView, WebView } from "./lazy-renderers";
import { PdfView } from "./pdf-view";
import { TableView } from "./table-view";

/** Draws any view result with the renderer of its kind. */
export function ViewResultView({ result }: { result: ViewResult }) {
  switch (result.kind) {
    case "data":
      return <DataView result={result} />;
    case "table":
      return <TableView result={result} />;
    case "image":
      return <ImageView result={result} />;
    case "plot":
      return <PlotView result={result} />;
    case "geometry":
      return <GeometryView result={result} />;
    case "map":
      return <MapView result={result} />;
    case "pdf":
      return <PdfView result={result} />;
    case "web":
      return <WebView result={result} />;
    case "combined":
      return <CombinedView result={result} />;
  }
}
