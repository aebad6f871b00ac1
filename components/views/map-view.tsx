"use client";

// Loaded with next/dynamic (view-result.tsx): Leaflet and the world outline are only in the chunks of views that map.
import * as L from "leaflet";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useContext, useEffect, useRef } from "react";
import type { MapFeature, MapResult } from "@/lib/controller/results";
import { BaseMapContext } from "./map/base-map-context";
import { createMap, fitTo, svgIcon } from "./map/leaflet-map";

/** A feature's colour when it names none. */
export const FEATURE_COLOR = "#2563eb";

/**
 * A map result: points, lines and areas over the base map, a popup per feature (title,
 * description, links to entities), labels and a legend. Under the map, the same features as a
 * list, so every title and link is reachable by keyboard and screen reader without the map.
 */
export default function MapView({ result, height = 420 }: { result: MapResult; height?: number }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ map: L.Map; features: L.FeatureGroup; fitted: boolean } | null>(null);
  const baseMap = useContext(BaseMapContext);
  const router = useRouter();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const map = createMap(host, baseMap, { label: "Map" });
    mapRef.current = { map, features: L.featureGroup().addTo(map), fitted: false };
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [baseMap]);

  useEffect(() => {
    const current = mapRef.current;
    const host = hostRef.current;
    if (!current || !host) return;
    current.features.clearLayers();
    const openEntity = (id: string) => router.push(`/editor/${encodeURIComponent(id)}`);
    for (const feature of result.features) layerOf(feature, openEntity)?.addTo(current.features);
    // Fitted to the first features there are, so editing params keeps where the engineer looked.
    if (!current.fitted && result.features.length > 0) {
      fitTo(current.map, current.features.getBounds(), baseMap);
      current.fitted = true;
    }
    host.dataset.features = String(result.features.length);
    host.dataset.rendered = "true";
  }, [result, router, baseMap]);

  const listed = result.features.filter((f): f is Exclude<MapFeature, { shape: "label" }> => f.shape !== "label");
  return (
    <figure className="space-y-2" data-view-kind="map">
      <div className="relative overflow-hidden rounded-md border border-slate-200">
        <div ref={hostRef} className="z-0 w-full" style={{ height }} />
        {result.legend && result.legend.length > 0 && (
          <ul
            aria-label="Legend"
            className="absolute right-2 bottom-2 z-[500] max-h-[70%] overflow-auto rounded bg-white/95 px-2 py-1.5 text-xs text-slate-700 shadow"
          >
            {result.legend.map((entry, i) => (
              <li key={`${entry.label}-${i}`} className="flex items-center gap-1.5">
                <span aria-hidden className="inline-block h-3 w-3 rounded-sm ring-1 ring-black/10" style={{ background: entry.color }} />
                {entry.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <figcaption>
        <details className="rounded-md border border-slate-200 bg-white text-sm">
          <summary className="cursor-pointer px-3 py-1.5 text-slate-700">
            {listed.length === 0 ? "No features on this map" : `${listed.length} feature${listed.length === 1 ? "" : "s"} on this map`}
          </summary>
          <ul className="divide-y divide-slate-100">
            {listed.map((feature, i) => (
              <li key={i} className="px-3 py-1.5">
                <span className="font-medium text-slate-800">{feature.title ?? defaultTitle(feature)}</span>{" "}
                <span className="text-slate-500">{whereIs(feature)}</span>
                {feature.description && <p className="text-slate-600">{feature.description}</p>}
                {feature.entityLinks?.map((link) => (
                  <Link key={link.entityId} href={`/editor/${encodeURIComponent(link.entityId)}`} className="mr-3 text-brand-700 underline">
                    {link.label}
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}

function layerOf(feature: MapFeature, openEntity: (id: string) => void): L.Layer | null {
  if (feature.shape === "label") {
    const text = document.createElement("span");
    text.textContent = feature.text;
    text.className = "whitespace-nowrap rounded bg-white/85 px-1 text-xs font-medium text-slate-800 shadow-sm";
    return L.marker(latLng(feature.at), {
      icon: L.divIcon({ html: text, className: "", iconSize: undefined, iconAnchor: [-8, 8] }),
      interactive: false,
      keyboard: false,
    });
  }
  const color = feature.color ?? FEATURE_COLOR;
  const layer = (() => {
    switch (feature.shape) {
      case "point":
        if (!feature.icon || feature.icon === "circle") {
          return L.circleMarker(latLng(feature.at), { radius: 7, color: "#ffffff", weight: 2, fillColor: color, fillOpacity: 1 });
        }
        return L.marker(latLng(feature.at), {
          icon: L.divIcon({
            html: svgIcon(feature.icon, color, 22),
            className: "",
            iconSize: [22, 22],
            iconAnchor: feature.icon === "pin" ? [11, 21] : [11, 11],
          }),
          title: feature.title ?? "",
          alt: feature.title ?? defaultTitle(feature),
        });
      case "line":
        return L.polyline([latLng(feature.from), latLng(feature.to)], { color, weight: 3 });
      case "polyline":
        return L.polyline(feature.points.map(latLng), { color, weight: 3 });
      case "polygon":
        return L.polygon([feature.points.map(latLng), ...(feature.holes ?? []).map((hole) => hole.map(latLng))], {
          color,
          weight: 2,
          fillColor: color,
          fillOpacity: 0.25,
        });
    }
  })();
  layer.bindPopup(() => popupOf(feature, openEntity));
  if (feature.title) layer.bindTooltip(feature.title, { direction: "top" });
  return layer;
}

/** A feature's popup, built with DOM calls: titles and descriptions are text, never markup. */
function popupOf(feature: Exclude<MapFeature, { shape: "label" }>, openEntity: (id: string) => void): HTMLElement {
  const box = document.createElement("div");
  box.className = "space-y-1 text-sm";
  const title = document.createElement("p");
  title.className = "font-semibold text-slate-900";
  title.textContent = feature.title ?? defaultTitle(feature);
  box.appendChild(title);
  if (feature.description) {
    const description = document.createElement("p");
    description.className = "whitespace-pre-line text-slate-700";
    description.textContent = feature.description;
    box.appendChild(description);
  }
  for (const link of feature.entityLinks ?? []) {
    const anchor = document.createElement("a");
    anchor.href = `/editor/${encodeURIComponent(link.entityId)}`;
    anchor.textContent = link.label;
    anchor.className = "mr-3 text-brand-700 underline";
    anchor.addEventListener("click", (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // a new tab, as the browser does it
      event.preventDefault();
      openEntity(link.entityId);
    });
    box.appendChild(anchor);
  }
  return box;
}

function latLng(point: { readonly lat: number; readonly lon: number }): L.LatLngTuple {
  return [point.lat, point.lon];
}

function defaultTitle(feature: Exclude<MapFeature, { shape: "label" }>): string {
  return { point: "Point", line: "Line", polyline: "Line", polygon: "Area" }[feature.shape];
}

/** Where a feature is, in words for the list: "51.92250, 4.47920" or "4 points". */
function whereIs(feature: Exclude<MapFeature, { shape: "label" }>): string {
  const at = (p: { lat: number; lon: number }) => `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`;
  switch (feature.shape) {
    case "point":
      return at(feature.at);
    case "line":
      return `${at(feature.from)} to ${at(feature.to)}`;
    case "polyline":
      return `${feature.points.length} points`;
    case "polygon":
      return `${Math.max(feature.points.length - 1, 0)} corners`;
  }
}
