import { describe, expect, it } from "vitest";
import { valueOf, verticesOf } from "./geo-value";

const [a, b, c] = [
  { lat: 51.92, lon: 4.47 },
  { lat: 51.92, lon: 4.48 },
  { lat: 51.93, lon: 4.48 },
];

describe("a geo field's value and the points edited for it", () => {
  it("edits a polygon's corners and writes the ring closed once it has three", () => {
    expect(valueOf("geoPolygon", [a, b])).toEqual([a, b]);
    expect(valueOf("geoPolygon", [a, b, c])).toEqual([a, b, c, a]);
    expect(verticesOf("geoPolygon", [a, b, c, a])).toEqual([a, b, c]);
    // A stored ring that is not closed shows every point, for the validator to say so.
    expect(verticesOf("geoPolygon", [a, b, c])).toEqual([a, b, c]);
  });

  it("keeps a corner just added on top of the last one, which is no ring yet", () => {
    // Regression: "Add corner" copies the last corner; [a, a] read as a closed ring and lost the copy.
    expect(verticesOf("geoPolygon", valueOf("geoPolygon", [a, a]))).toEqual([a, a]);
    expect(verticesOf("geoPolygon", valueOf("geoPolygon", [a, b, b]))).toEqual([a, b, b]);
  });

  it("holds a point or nothing, and a line's points as they are", () => {
    expect(valueOf("geoPoint", [a])).toEqual(a);
    expect(valueOf("geoPoint", [])).toBe(null);
    expect(verticesOf("geoPoint", null)).toEqual([]);
    expect(valueOf("geoPolyline", [a, b, a])).toEqual([a, b, a]);
    expect(valueOf("geoPolyline", [])).toBe(null);
  });

  it("keeps a half-typed point in the draft", () => {
    expect(valueOf("geoPoint", [{ lat: 52, lon: null }])).toEqual({ lat: 52, lon: null });
  });
});
