/**
 * A Leaflet map with Gusset's base map, with no React: the map view and the geo fields' editor
 * both start from here. Loaded only with them (next/dynamic), as three.js is.
 *
 * The base map works offline: Natural Earth's land outlines (world-atlas, 1:110m) drawn as
 * vectors over a sea-coloured background, so a machine without internet still shows where
 * things are. A deployment that reaches a tile server sets GUSSET_MAP_TILES (lib/map/base-map.ts)
 * and gets its raster tiles instead.
 */
import "leaflet/dist/leaflet.css";
import * as L from "leaflet";
import type { BaseMap } from "@/lib/map/base-map";
import { landOutline } from "./land-outline";

export const SEA_COLOR = "#dbeafe";
export const LAND_COLOR = "#f1f5f9";
const COAST_COLOR = "#94a3b8";

/** Zoom without tiles: far enough in for a building plot; the outlines are coarse there, the features are not. */
const OFFLINE_MAX_ZOOM = 19;

/** A map in `host` with the base map laid; `dispose()` removes it and its listeners. */
export function createMap(host: HTMLElement, baseMap: BaseMap, options: { readonly label: string }): L.Map {
  const map = L.map(host, {
    // The first world copy only: features stay where their longitudes say.
    worldCopyJump: false,
    maxBounds: [
      [-90, -540],
      [90, 540],
    ],
    minZoom: 1,
    maxZoom: baseMap.tiles ? baseMap.maxZoom : OFFLINE_MAX_ZOOM,
    attributionControl: baseMap.tiles !== null,
    zoomSnap: 0.25,
  });
  host.style.background = SEA_COLOR;
  host.setAttribute("aria-label", options.label);
  host.setAttribute("role", "application");
  if (baseMap.tiles) {
    L.tileLayer(baseMap.tiles, { attribution: baseMap.attribution, maxZoom: baseMap.maxZoom }).addTo(map);
  } else {
    L.geoJSON(landOutline(), {
      interactive: false,
      style: { color: COAST_COLOR, weight: 0.8, fillColor: LAND_COLOR, fillOpacity: 1 },
    }).addTo(map);
  }
  map.setView([20, 0], 1);
  return map;
}

/**
 * Fits the map to these bounds. A lone point is shown at a town's zoom on the offline outline (closer
 * in, the coarse coast is all one colour and says nothing) and at a street's with tiles.
 */
export function fitTo(map: L.Map, bounds: L.LatLngBounds | null, baseMap: BaseMap): void {
  const pointZoom = baseMap.tiles ? 16 : 7;
  if (!bounds?.isValid()) map.setView([20, 0], 1);
  else if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), pointZoom, { animate: false });
  else map.fitBounds(bounds, { padding: [28, 28], maxZoom: 16, animate: false });
}

/** A small SVG element: a marker's icon, drawn with DOM calls (no markup from a result reaches innerHTML). */
export function svgIcon(shape: "circle" | "square" | "triangle" | "pin" | "cross", color: string, size = 18): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  const path = document.createElementNS(ns, "path");
  const outlines = {
    circle: "M10 3a7 7 0 1 1 0 14a7 7 0 1 1 0-14z",
    square: "M4 4h12v12H4z",
    triangle: "M10 3l8 14H2z",
    pin: "M10 1a6 6 0 0 1 6 6c0 4.5-6 12-6 12S4 11.5 4 7a6 6 0 0 1 6-6z",
    cross: "M5 3l5 5 5-5 2 2-5 5 5 5-2 2-5-5-5 5-2-2 5-5-5-5z",
  } as const;
  path.setAttribute("d", outlines[shape]);
  path.setAttribute("fill", color);
  path.setAttribute("stroke", "#ffffff");
  path.setAttribute("stroke-width", "1.5");
  svg.appendChild(path);
  return svg;
}
