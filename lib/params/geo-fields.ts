import type { GeoConfig, GeoPoint, GeoPointField, GeoPolygonField, GeoPolylineField, Nullable } from "./types";

// Geo fields are drawn on a map in the form (click to place, drag to move) or typed as coordinates.
// Values are in degrees, WGS84: `{ lat, lon }`.

/**
 * A place: one point on the map.
 * @example geoPoint("Site", { default: { lat: 51.9225, lon: 4.4792 } })
 */
export function geoPoint<O extends boolean = false>(
  label: string,
  config?: GeoConfig<GeoPoint> & { readonly optional?: O },
): GeoPointField<Nullable<GeoPoint, O>> {
  return { kind: "geoPoint", label, ...config };
}

/**
 * A line through points in order, e.g. a route or a cable: at least two points.
 * @example geoPolyline("Cable route", { optional: true })
 */
export function geoPolyline<O extends boolean = false>(
  label: string,
  config?: GeoConfig<readonly GeoPoint[]> & { readonly optional?: O },
): GeoPolylineField<Nullable<readonly GeoPoint[], O>> {
  return { kind: "geoPolyline", label, ...config };
}

/**
 * An area, e.g. a plot of land: a closed ring of at least three corners whose edges do not cross.
 * The last point repeats the first, as in GeoJSON (the form closes the ring itself).
 * @example geoPolygon("Plot boundary")
 */
export function geoPolygon<O extends boolean = false>(
  label: string,
  config?: GeoConfig<readonly GeoPoint[]> & { readonly optional?: O },
): GeoPolygonField<Nullable<readonly GeoPoint[], O>> {
  return { kind: "geoPolygon", label, ...config };
}
