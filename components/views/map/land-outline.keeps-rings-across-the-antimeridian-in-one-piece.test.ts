import { describe, expect, it } from "vitest";
import { landOutline, unwrapRing } from "./land-outline";

// Regression: Fiji's and Chukotka's rings jump from 180° to −180°, and the offline base map drew
// each jump as a line across the whole world.
const largestJump = (ring: GeoJSON.Position[]) => Math.max(0, ...ring.slice(1).map((p, i) => Math.abs(p[0]! - ring[i]![0]!)));

/** Ray casting: whether the point is inside the ring. */
function inside(ring: GeoJSON.Position[], lat: number, lon: number): boolean {
  let within = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) within = !within;
  }
  return within;
}

describe("the offline land outline", () => {
  it("shifts the points after a jump across the antimeridian by 360°", () => {
    const fiji = [
      [178, -17],
      [-179, -17],
      [-179, -18],
      [178, -18],
      [178, -17],
    ];
    expect(unwrapRing(fiji)).toEqual([
      [178, -17],
      [181, -17],
      [181, -18],
      [178, -18],
      [178, -17],
    ]);
  });

  it("keeps the middle of a ring within ±180° when it starts on the far side of the jump", () => {
    // Eurasia's ring starts in Chukotka, east of the antimeridian: unwrapped naively, Europe went a world to the west.
    const startsInChukotka = [
      [-175, 66],
      [178, 70],
      [10, 50],
      [60, 40],
      [178, 60],
      [-175, 66],
    ];
    expect(unwrapRing(startsInChukotka).map(([lon]) => lon)).toEqual([185, 178, 10, 60, 178, 185]);
  });

  it("leaves a ring round the pole as it is", () => {
    const aroundThePole = [
      [-180, -80],
      [0, -70],
      [180, -80],
      [180, -90],
      [-180, -90],
      [-180, -80],
    ];
    expect(unwrapRing(aroundThePole)).toEqual(aroundThePole);
  });

  it("has no jump of half the world left but along the pole, and keeps Europe where it is", () => {
    const rings = landOutline().coordinates.flat();
    const holds = (lat: number, lon: number) => rings.some((ring) => inside(ring, lat, lon));
    expect(holds(52.09, 5.12)).toBe(true); // Utrecht
    expect(holds(55.75, 37.62)).toBe(true); // Moscow
    expect(holds(-23.55, -46.63)).toBe(true); // São Paulo
    expect(holds(45, -30)).toBe(false); // the Atlantic
    expect(rings.length).toBeGreaterThan(100);
    const jumping = rings.filter((ring) => largestJump(ring) > 180);
    for (const ring of jumping) expect(Math.min(...ring.map((p) => p[1]!))).toBeLessThan(-85);
    expect(jumping.length).toBeLessThanOrEqual(1);
  });
});
