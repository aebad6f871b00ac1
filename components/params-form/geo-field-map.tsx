"use client";

// Loaded with next/dynamic (geo-control.tsx): Leaflet comes only with the first geo field.
import * as L from "leaflet";
import { useContext, useEffect, useRef } from "react";
import type { GeoField } from "@/lib/params";
import { BaseMapContext } from "@/components/views/map/base-map-context";
import { createMap, fitTo, svgIcon } from "@/components/views/map/leaflet-map";
import { isPlaceable, roundCoordinate, type PointDraft } from "./geo-value";

const EDIT_COLOR = "#c2410c";

export interface GeoFieldMapProps {
  readonly kind: GeoField["kind"];
  readonly label: string;
  readonly vertices: readonly PointDraft[];
  readonly disabled: boolean;
  /** A click on the map: the point moves there, or the line or ring gets a new last point. */
  readonly onPlace: (point: { lat: number; lon: number }) => void;
  /** A vertex dragged to a new place. */
  readonly onMove: (index: number, point: { lat: number; lon: number }) => void;
}

/** The map of a geo field: its points as draggable markers, the line or area through them, clicks placing points. */
export default function GeoFieldMap({ kind, label, vertices, disabled, onPlace, onMove }: GeoFieldMapProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const stateRef = useRef<{ map: L.Map; layer: L.LayerGroup; fitted: boolean } | null>(null);
  const baseMap = useContext(BaseMapContext);
  // The latest callbacks, for Leaflet's listeners, which are bound once.
  const handlers = useRef({ onPlace, onMove });
  useEffect(() => {
    handlers.current = { onPlace, onMove };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const map = createMap(host, baseMap, { label: `${label}: map` });
    const layer = L.layerGroup().addTo(map);
    stateRef.current = { map, layer, fitted: false };
    return () => {
      map.remove();
      stateRef.current = null;
    };
  }, [baseMap, label]);

  useEffect(() => {
    const state = stateRef.current;
    if (!state) return;
    const click = (event: L.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng.wrap();
      handlers.current.onPlace({ lat: roundCoordinate(lat), lon: roundCoordinate(lng) });
    };
    if (!disabled) state.map.on("click", click);
    return () => {
      state.map.off("click", click);
    };
  }, [disabled]);

  useEffect(() => {
    const state = stateRef.current;
    const host = hostRef.current;
    if (!state || !host) return;
    state.layer.clearLayers();
    const placed = vertices.map((vertex, index) => ({ vertex, index })).filter(({ vertex }) => isPlaceable(vertex));
    const at = placed.map(({ vertex }) => [vertex.lat, vertex.lon] as L.LatLngTuple);
    if (kind === "geoPolyline" && at.length >= 2) L.polyline(at, { color: EDIT_COLOR, weight: 3, interactive: false }).addTo(state.layer);
    if (kind === "geoPolygon" && at.length >= 2) {
      L.polygon(at, { color: EDIT_COLOR, weight: 2, fillColor: EDIT_COLOR, fillOpacity: 0.15, interactive: false }).addTo(state.layer);
    }
    for (const { vertex, index } of placed) {
      const marker = L.marker([vertex.lat as number, vertex.lon as number], {
        draggable: !disabled,
        keyboard: false, // the typed coordinates beside the map are the keyboard's way in
        icon: L.divIcon({
          html: svgIcon(kind === "geoPoint" ? "pin" : "circle", EDIT_COLOR, kind === "geoPoint" ? 26 : 16),
          className: "",
          iconSize: kind === "geoPoint" ? [26, 26] : [16, 16],
          iconAnchor: kind === "geoPoint" ? [13, 25] : [8, 8],
        }),
        title: kind === "geoPoint" ? label : `${label}: point ${index + 1}`,
      });
      marker.on("dragend", () => {
        const { lat, lng } = marker.getLatLng().wrap();
        handlers.current.onMove(index, { lat: roundCoordinate(lat), lon: roundCoordinate(lng) });
      });
      marker.addTo(state.layer);
    }
    // Fitted to the value once, when there is one; later edits keep the view (a click must not make it jump).
    if (!state.fitted && at.length > 0) {
      fitTo(state.map, L.latLngBounds(at), baseMap);
      state.fitted = true;
    }
    host.dataset.points = String(placed.length);
    host.dataset.rendered = "true";
  }, [vertices, kind, label, disabled, baseMap]);

  return <div ref={hostRef} className="z-0 h-60 w-full rounded-md border border-slate-300" data-geo-map />;
}
