"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import type { GeoField } from "@/lib/params";
import { NumberInput } from "./number-input";
import { valueOf, verticesOf, type PointDraft } from "./geo-value";

const GeoFieldMap = dynamic(() => import("./geo-field-map"), {
  ssr: false,
  loading: () => (
    <div className="flex h-60 items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500">
      Loading the map…
    </div>
  ),
});

const COORDINATE =
  "w-28 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50";
const SMALL_BUTTON =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/**
 * A geo field: a map to click and drag on, and the same points as typed coordinates (the
 * keyboard's way, and the precise one). A polygon's ring is closed here: the engineer edits its
 * corners, the value repeats the first at the end.
 */
export function GeoControl({
  id,
  field,
  value,
  disabled,
  describedBy,
  invalid,
  onChange,
}: {
  id: string;
  field: GeoField;
  value: unknown;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: unknown) => void;
}) {
  const vertices = useMemo(() => verticesOf(field.kind, value), [field.kind, value]);
  const set = (next: readonly PointDraft[]) => onChange(valueOf(field.kind, next));
  const single = field.kind === "geoPoint";
  const noun = field.kind === "geoPolygon" ? "corner" : "point";
  const hint = single
    ? "Click the map to place the point, drag it to move it, or type its coordinates in degrees."
    : `Click the map to add a ${noun}, drag a ${noun} to move it, or type coordinates in degrees.`;

  return (
    <div
      id={id}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(" ")}
      className="space-y-2"
    >
      <GeoFieldMap
        kind={field.kind}
        label={field.label}
        vertices={vertices}
        disabled={disabled}
        onPlace={(point) => set(single ? [point] : [...vertices, point])}
        onMove={(index, point) => set(vertices.map((vertex, at) => (at === index ? point : vertex)))}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      <ol className="space-y-1">
        {(single && vertices.length === 0 ? [{ lat: null, lon: null }] : vertices).map((vertex, index) => (
          <li key={index} className="flex flex-wrap items-center gap-2 text-sm">
            {!single && <span className="w-16 text-slate-600">{`${noun[0]!.toUpperCase()}${noun.slice(1)} ${index + 1}`}</span>}
            {(["lat", "lon"] as const).map((axis) => (
              <label key={axis} className="flex items-center gap-1 text-slate-600">
                <span>{axis === "lat" ? "Lat" : "Lon"}</span>
                <NumberInput
                  className={COORDINATE}
                  value={vertex[axis]}
                  disabled={disabled}
                  aria-invalid={invalid}
                  aria-label={`${field.label}: ${single ? "" : `${noun} ${index + 1} `}${axis === "lat" ? "latitude" : "longitude"}`}
                  onValueChange={(coordinate) => {
                    const moved = { ...vertex, [axis]: coordinate };
                    set(single ? [moved] : vertices.map((v, at) => (at === index ? moved : v)));
                  }}
                />
              </label>
            ))}
            {!single && (
              <button
                type="button"
                className={SMALL_BUTTON}
                disabled={disabled}
                aria-label={`Remove ${noun} ${index + 1}`}
                onClick={() => set(vertices.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        {!single && (
          <button
            type="button"
            className={SMALL_BUTTON}
            disabled={disabled}
            // A new point starts where the last one is, to be typed or dragged from there.
            onClick={() => set([...vertices, vertices.at(-1) ?? { lat: null, lon: null }])}
          >
            Add {noun}
          </button>
        )}
        {(field.optional || !single) && vertices.length > 0 && (
          <button type="button" className={SMALL_BUTTON} disabled={disabled} onClick={() => set([])}>
            Clear
          </button>
        )}
      </div>
    </div>
  );
}
