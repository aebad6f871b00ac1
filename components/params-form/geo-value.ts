import type { GeoField } from "@/lib/params";

/** A point as the form holds it while typed: either coordinate may be empty or not yet a number. */
export interface PointDraft {
  readonly lat: unknown;
  readonly lon: unknown;
}

/**
 * The points an engineer edits for a geo field's value: the point itself, the line's points, or
 * the polygon's corners without the closing repeat (the form closes the ring itself).
 */
export function verticesOf(kind: GeoField["kind"], value: unknown): PointDraft[] {
  if (kind === "geoPoint") return isPoint(value) ? [value] : [];
  const points = Array.isArray(value) ? value.filter(isPoint) : [];
  // A closed ring has at least four points; [a, a] is a corner and its copy just added, not a ring.
  if (kind === "geoPolygon" && points.length >= 4 && samePlace(points[0]!, points.at(-1)!)) return points.slice(0, -1);
  return points;
}

/**
 * The value for these edited points: a point or null; a line's points; a polygon's corners with
 * the first repeated at the end once there are three (fewer is no ring yet, and the validator
 * says it needs three corners). Empty is null.
 */
export function valueOf(kind: GeoField["kind"], vertices: readonly PointDraft[]): unknown {
  if (kind === "geoPoint") return vertices[0] ?? null;
  if (vertices.length === 0) return null;
  if (kind === "geoPolygon" && vertices.length >= 3) return [...vertices, vertices[0]!];
  return [...vertices];
}

/** A point with both coordinates numbers in range: one the map can draw. */
export function isPlaceable(point: PointDraft): point is { lat: number; lon: number } {
  const { lat, lon } = point;
  return typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** Coordinates as placed by a click: six decimals is 0.1 m, finer than any click. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function isPoint(value: unknown): value is PointDraft {
  return typeof value === "object" && value !== null && "lat" in value && "lon" in value;
}

function samePlace(a: PointDraft, b: PointDraft): boolean {
  return a.lat === b.lat && a.lon === b.lon;
}
