import { describe, expect, test } from "vitest";
import { profile, profileFamilies, profileSelfWeight, profilesOf } from "./profiles";
import { sectionOutline } from "./steel";

// Published values (ArcelorMittal sales programme, EN 10365 dimensions):
// A cm², Iy cm⁴, Wel,y cm³, Wpl,y cm³, Iz cm⁴, mass kg/m.
const published = [
  { name: "IPE 80", A: 7.64, Iy: 80.14, Wel_y: 20.03, Wpl_y: 23.22, Iz: 8.49, mass: 6.0 },
  { name: "IPE 200", A: 28.48, Iy: 1943, Wel_y: 194.3, Wpl_y: 220.6, Iz: 142.4, mass: 22.4 },
  { name: "IPE 300", A: 53.81, Iy: 8356, Wel_y: 557.1, Wpl_y: 628.4, Iz: 603.8, mass: 42.2 },
  { name: "IPE 600", A: 156.0, Iy: 92080, Wel_y: 3069, Wpl_y: 3512, Iz: 3387, mass: 122.4 },
  { name: "HEA 100", A: 21.24, Iy: 349.2, Wel_y: 72.76, Wpl_y: 83.01, Iz: 133.8, mass: 16.7 },
  { name: "HEA 200", A: 53.83, Iy: 3692, Wel_y: 388.6, Wpl_y: 429.5, Iz: 1336, mass: 42.3 },
  { name: "HEA 600", A: 226.5, Iy: 141200, Wel_y: 4787, Wpl_y: 5350, Iz: 11270, mass: 178 },
  { name: "HEB 100", A: 26.04, Iy: 449.5, Wel_y: 89.91, Wpl_y: 104.2, Iz: 167.3, mass: 20.4 },
  { name: "HEB 300", A: 149.1, Iy: 25170, Wel_y: 1678, Wpl_y: 1869, Iz: 8563, mass: 117 },
  { name: "HEB 600", A: 270.0, Iy: 171000, Wel_y: 5701, Wpl_y: 6425, Iz: 13530, mass: 212 },
];

// Every published area, to catch a typo in any row of the dimension table.
const publishedAreas: Record<string, number[]> = {
  IPE: [7.64, 10.32, 13.21, 16.43, 20.09, 23.95, 28.48, 33.37, 39.12, 45.95, 53.81, 62.61, 72.73, 84.46, 98.82, 115.5, 134.4, 156.0],
  HEA: [
    21.24, 25.34, 31.42, 38.77, 45.25, 53.83, 64.34, 76.84, 86.82, 97.26, 112.5, 124.4, 133.5, 142.8, 159.0, 178.0, 197.5, 211.8, 226.5,
  ],
  HEB: [
    26.04, 34.01, 42.96, 54.25, 65.25, 78.08, 91.04, 106.0, 118.4, 131.4, 149.1, 161.3, 170.9, 180.6, 197.8, 218.0, 238.6, 254.1, 270.0,
  ],
};

function relativeError(actual: number, expected: number) {
  return Math.abs(actual / expected - 1);
}

describe("derived section properties match the published tables", () => {
  test.each(published)("$name within 1 % (A, Iy, Wel,y, Wpl,y, Iz, mass)", (row) => {
    const p = profile(row.name);
    for (const key of ["A", "Iy", "Wel_y", "Wpl_y", "Iz", "mass"] as const) {
      expect(relativeError(p[key], row[key]), `${row.name} ${key}: derived ${p[key]}, published ${row[key]}`).toBeLessThan(0.01);
    }
  });

  test.each(profileFamilies)("every %s area within 0.5 % of the table", (family) => {
    const profiles = profilesOf(family);
    expect(profiles.map((p) => p.name)).toHaveLength(publishedAreas[family]!.length);
    profiles.forEach((p, i) => {
      expect(relativeError(p.A, publishedAreas[family]![i]!), p.name).toBeLessThan(0.005);
    });
  });
});

describe("profile lookup", () => {
  test("the families hold every standard size, smallest first", () => {
    expect(profilesOf("IPE").map((p) => p.name)).toEqual(
      [80, 100, 120, 140, 160, 180, 200, 220, 240, 270, 300, 330, 360, 400, 450, 500, 550, 600].map((s) => `IPE ${s}`),
    );
    const hSizes = [100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300, 320, 340, 360, 400, 450, 500, 550, 600];
    expect(profilesOf("HEA").map((p) => p.name)).toEqual(hSizes.map((s) => `HEA ${s}`));
    expect(profilesOf("HEB").map((p) => p.name)).toEqual(hSizes.map((s) => `HEB ${s}`));
  });

  test("accepts free spacing, any case and the EN 10365 spelling", () => {
    expect(profile("ipe300").name).toBe("IPE 300");
    expect(profile("HE 200 A").name).toBe("HEA 200");
    expect(profile(" HEB  300 ").name).toBe("HEB 300");
  });

  test("an unknown name throws a sentence that says what exists", () => {
    expect(() => profile("IPE 310")).toThrow(
      'Unknown steel profile "IPE 310": expected a name such as IPE 300, HEA 200 or HEB 300 (IPE 80–600, HEA and HEB 100–600).',
    );
  });

  test("self-weight is A × 78.5 kN/m³ (IPE 300: 0.422 kN/m)", () => {
    expect(profileSelfWeight(profile("IPE 300"))).toBeCloseTo(0.4224, 4);
  });
});

describe("section outline", () => {
  /** Shoelace area in m², positive when counter-clockwise. */
  function signedArea(points: readonly [number, number][]) {
    let twice = 0;
    points.forEach(([y1, z1], i) => {
      const [y2, z2] = points[(i + 1) % points.length]!;
      twice += y1 * z2 - y2 * z1;
    });
    return twice / 2;
  }

  test("is counter-clockwise, centred, and its area approaches A as the fillets get finer", () => {
    for (const p of profileFamilies.flatMap(profilesOf)) {
      const coarse = sectionOutline(p);
      const fine = sectionOutline(p, 64);
      expect(coarse).toHaveLength(8 + 4 * 5);
      const area = p.A / 1e4; // m²
      // Chords cut a little off each quarter disc, so the polygon is slightly larger.
      expect(signedArea(coarse)).toBeGreaterThan(area);
      expect(relativeError(signedArea(coarse), area), p.name).toBeLessThan(0.006);
      expect(relativeError(signedArea(fine), area), p.name).toBeLessThan(1e-4);
      const ys = coarse.map(([y]) => y);
      const zs = coarse.map(([, z]) => z);
      expect(Math.max(...ys) + Math.min(...ys)).toBeCloseTo(0, 12);
      expect(Math.max(...zs) - Math.min(...zs)).toBeCloseTo(p.h / 1000, 12);
    }
  });
});
