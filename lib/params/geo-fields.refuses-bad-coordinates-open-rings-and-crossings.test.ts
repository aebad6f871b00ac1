import { describe, expect, expectTypeOf, it } from "vitest";
import {
  geoPoint,
  geoPolygon,
  geoPolyline,
  parametrization,
  section,
  validateParams,
  withDefaults,
  type GeoPoint,
  type ParamsError,
  type ParamsOf,
} from "@/lib/params";

const rotterdam = { lat: 51.9225, lon: 4.4792 };
const site = parametrization({
  site: section("Site", {
    location: geoPoint("Location", { default: rotterdam }),
    access: geoPolyline("Access road", { optional: true, maxPoints: 4 }),
    plot: geoPolygon("Plot boundary", { optional: true }),
  }),
});

const square = [
  { lat: 51.92, lon: 4.47 },
  { lat: 51.92, lon: 4.48 },
  { lat: 51.93, lon: 4.48 },
  { lat: 51.93, lon: 4.47 },
  { lat: 51.92, lon: 4.47 },
];

const errorsOf = (values: Record<string, unknown>, source: "browser" | "storage" = "browser") => {
  const result = validateParams(site, { site: { location: rotterdam, access: null, plot: null, ...values } }, { source });
  return result.ok ? [] : result.errors;
};
const error = (path: string, rule: ParamsError["rule"], message: string): ParamsError => ({ path, rule, message });

describe("geo fields", () => {
  it("are typed as points and lists of points, null when optional", () => {
    expectTypeOf<ParamsOf<typeof site>["site"]>().toEqualTypeOf<{
      location: GeoPoint;
      access: readonly GeoPoint[] | null;
      plot: readonly GeoPoint[] | null;
    }>();
  });

  it("accept a point, a line and a closed ring that does not cross itself", () => {
    const access = [rotterdam, { lat: 51.93, lon: 4.49 }];
    expect(errorsOf({ access, plot: square })).toEqual([]);
  });

  it("start at their defaults, each entity with its own copy", () => {
    const first = withDefaults(site, {}) as { site: { location: GeoPoint } };
    const second = withDefaults(site, {}) as { site: { location: GeoPoint } };
    expect(first.site.location).toEqual(rotterdam);
    expect(first.site.location).not.toBe(second.site.location);
  });

  it.each<[string, Record<string, unknown>, ParamsError]>([
    [
      "a latitude past the pole",
      { location: { lat: 95, lon: 4 } },
      error("site.location", "coordinates", "Location has latitude 95, outside −90 to 90"),
    ],
    [
      "a longitude past the date line",
      { location: { lat: 52, lon: -181 } },
      error("site.location", "coordinates", "Location has longitude -181, outside −180 to 180"),
    ],
    [
      "a point without its longitude",
      { location: { lat: 52 } },
      error("site.location", "type", "Location must be a point { lat, lon } in degrees"),
    ],
    ["a point as a pair", { location: [52, 4] }, error("site.location", "type", "Location must be a point { lat, lon } in degrees")],
    ["a missing required point", { location: null }, error("site.location", "required", "Location is required")],
    [
      "a line's third point off the map",
      { access: [rotterdam, rotterdam, { lat: 0, lon: 200 }] },
      error("site.access", "coordinates", "Access road: point 3 has longitude 200, outside −180 to 180"),
    ],
    ["a line of one point", { access: [rotterdam] }, error("site.access", "points", "Access road needs at least 2 points")],
    [
      "a line past its maxPoints",
      { access: [rotterdam, rotterdam, rotterdam, rotterdam, rotterdam] },
      error("site.access", "points", "Access road allows at most 4 points"),
    ],
    [
      "an open ring",
      { plot: square.slice(0, 4) },
      error("site.plot", "ring", "Plot boundary must be a closed ring: its last point must repeat its first"),
    ],
    [
      "a ring of two corners",
      { plot: [square[0], square[1], square[0]] },
      error("site.plot", "points", "Plot boundary needs at least 3 corners"),
    ],
    [
      "a bow tie",
      { plot: [square[0], square[2], square[1], square[3], square[0]] },
      error("site.plot", "selfIntersection", "Plot boundary must not cross itself: its edges meet near 51.92500, 4.47500"),
    ],
    [
      "a ring that doubles back along an edge",
      {
        plot: [
          { lat: 0, lon: 0 },
          { lat: 0, lon: 2 },
          { lat: 0, lon: 1 },
          { lat: 1, lon: 1 },
          { lat: 0, lon: 0 },
        ],
      },
      error("site.plot", "selfIntersection", "Plot boundary must not cross itself: its edges meet near 0.00000, 1.00000"),
    ],
  ])("refuse %s, in words", (_, values, expected) => {
    expect(errorsOf(values)).toEqual([expected]);
  });

  it("take a point placed twice in a row (a double click) as one corner, not a crossing", () => {
    const doubled = [square[0], square[1], square[1], square[2], square[3], square[0]];
    expect(errorsOf({ plot: doubled })).toEqual([]);
  });

  it("refuse unknown keys in a point from the browser, and ignore them from storage", () => {
    const withAltitude = { ...rotterdam, altitude: 3 };
    expect(errorsOf({ location: withAltitude })).toEqual([
      error("site.location.altitude", "unknownField", 'Location has no field "altitude"'),
    ]);
    expect(errorsOf({ location: withAltitude }, "storage")).toEqual([]);
  });
});
