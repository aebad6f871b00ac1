import kinks from "@turf/kinks";
import * as z from "zod";
import type { ParamsRule } from "./errors";
import type { GeoField, GeoPoint } from "./types";

/** Most points a polyline or polygon takes when its field gives no `maxPoints`; bounds the crossing check (n² / 2 edge pairs). */
export const DEFAULT_MAX_POINTS = 1000;

/** @internal The rule a geo check broke, carried on its zod issue for describe-issue.ts. */
export interface GeoIssueParams {
  readonly rule: Extract<ParamsRule, "coordinates" | "points" | "ring" | "selfIntersection">;
}

/**
 * @internal The schema of a geo field's value: `{ lat, lon }` numbers (their shape), then in one
 * refinement what a map needs: WGS84 ranges, enough points, a closed ring whose edges do not cross.
 * The refinement's message completes the field's label: "Plot boundary" + " must be a closed ring …".
 */
export function geoSchema(field: GeoField, source: "browser" | "storage"): z.ZodType {
  const shape = { lat: z.number(), lon: z.number() };
  const point = source === "browser" ? z.strictObject(shape) : z.object(shape);
  if (field.kind === "geoPoint") return point.superRefine((value, context) => report(context, value, problemOfPoint(value, " ")));
  return z.array(point).superRefine((points, context) => report(context, points, problemOfPoints(field, points)));
}

type Problem = { readonly rule: GeoIssueParams["rule"]; readonly message: string } | null;

function report(context: z.RefinementCtx, input: unknown, problem: Problem): void {
  if (problem)
    context.addIssue({ code: "custom", message: problem.message, params: { rule: problem.rule } satisfies GeoIssueParams, input });
}

function problemOfPoint({ lat, lon }: GeoPoint, which: string): Problem {
  if (lat < -90 || lat > 90) return { rule: "coordinates", message: `${which}has latitude ${lat}, outside −90 to 90` };
  if (lon < -180 || lon > 180) return { rule: "coordinates", message: `${which}has longitude ${lon}, outside −180 to 180` };
  return null;
}

function problemOfPoints(field: GeoField, points: readonly GeoPoint[]): Problem {
  const polygon = field.kind === "geoPolygon";
  const max = field.maxPoints ?? DEFAULT_MAX_POINTS;
  for (const [i, point] of points.entries()) {
    const problem = problemOfPoint(point, `: point ${i + 1} `);
    if (problem) return problem;
  }
  if (!polygon) {
    if (points.length < 2) return { rule: "points", message: " needs at least 2 points" };
    if (points.length > max) return { rule: "points", message: ` allows at most ${max} points` };
    return null;
  }
  const first = points[0];
  const last = points.at(-1);
  const closed = points.length > 1 && first!.lat === last!.lat && first!.lon === last!.lon;
  const corners = distinctInOrder(closed ? points.slice(0, -1) : points);
  if (corners.length < 3) return { rule: "points", message: " needs at least 3 corners" };
  if (!closed) return { rule: "ring", message: " must be a closed ring: its last point must repeat its first" };
  if (points.length - 1 > max) return { rule: "points", message: ` allows at most ${max} corners` };
  const crossing = firstCrossing(corners);
  if (crossing) {
    return {
      rule: "selfIntersection",
      message: ` must not cross itself: its edges meet near ${crossing.lat.toFixed(5)}, ${crossing.lon.toFixed(5)}`,
    };
  }
  return null;
}

/** The corners with repeats in a row dropped (a double click places a point twice; that is no crossing). */
function distinctInOrder(points: readonly GeoPoint[]): GeoPoint[] {
  return points.filter((point, i) => {
    const before = points[(i - 1 + points.length) % points.length]!;
    return points.length === 1 || point.lat !== before.lat || point.lon !== before.lon;
  });
}

/** Where two edges of the ring through these corners meet, other than at the corner they share; null when none do. */
function firstCrossing(corners: readonly GeoPoint[]): GeoPoint | null {
  const ring = [...corners, corners[0]!].map(({ lat, lon }) => [lon, lat]);
  const [kink] = kinks({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } }).features;
  if (!kink) return null;
  const [lon, lat] = kink.geometry.coordinates as [number, number];
  return { lat, lon };
}
