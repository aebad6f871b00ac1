/**
 * The shipped table of European hot-rolled I-sections: IPE 80–600 and
 * HE A / HE B 100–600, every standard size in that range (EN 10365;
 * the dimensions as in ArcelorMittal's sales programme).
 *
 * Only the catalogue dimensions are stored; every property is derived from
 * them (./section-properties.ts), so there is one source and no typo in a
 * copied Iy can disagree with its h. profiles.test.ts holds the derived
 * values against the published ones.
 */
import { sectionProperties } from "./section-properties";
import type { IGeometry, SectionProperties } from "./section-properties";
import { steelUnitWeight } from "./steel";

/** The profile families, in display order. */
export const profileFamilies = ["IPE", "HEA", "HEB"] as const;

export type ProfileFamily = (typeof profileFamilies)[number];

/** One rolled section: its name, its dimensions (mm) and its properties (cm units, kg/m). */
export interface Profile extends IGeometry, SectionProperties {
  /** As printed in the tables: "IPE 300", "HEA 200", "HEB 300". */
  readonly name: string;
  readonly family: ProfileFamily;
}

/** [size, h, b, tw, tf, r] in mm; the name is the family and the size. */
type Row = readonly [size: number, h: number, b: number, tw: number, tf: number, r: number];

const dimensions: Record<ProfileFamily, readonly Row[]> = {
  IPE: [
    [80, 80, 46, 3.8, 5.2, 5],
    [100, 100, 55, 4.1, 5.7, 7],
    [120, 120, 64, 4.4, 6.3, 7],
    [140, 140, 73, 4.7, 6.9, 7],
    [160, 160, 82, 5, 7.4, 9],
    [180, 180, 91, 5.3, 8, 9],
    [200, 200, 100, 5.6, 8.5, 12],
    [220, 220, 110, 5.9, 9.2, 12],
    [240, 240, 120, 6.2, 9.8, 15],
    [270, 270, 135, 6.6, 10.2, 15],
    [300, 300, 150, 7.1, 10.7, 15],
    [330, 330, 160, 7.5, 11.5, 18],
    [360, 360, 170, 8, 12.7, 18],
    [400, 400, 180, 8.6, 13.5, 21],
    [450, 450, 190, 9.4, 14.6, 21],
    [500, 500, 200, 10.2, 16, 21],
    [550, 550, 210, 11.1, 17.2, 24],
    [600, 600, 220, 12, 19, 24],
  ],
  HEA: [
    [100, 96, 100, 5, 8, 12],
    [120, 114, 120, 5, 8, 12],
    [140, 133, 140, 5.5, 8.5, 12],
    [160, 152, 160, 6, 9, 15],
    [180, 171, 180, 6, 9.5, 15],
    [200, 190, 200, 6.5, 10, 18],
    [220, 210, 220, 7, 11, 18],
    [240, 230, 240, 7.5, 12, 21],
    [260, 250, 260, 7.5, 12.5, 24],
    [280, 270, 280, 8, 13, 24],
    [300, 290, 300, 8.5, 14, 27],
    [320, 310, 300, 9, 15.5, 27],
    [340, 330, 300, 9.5, 16.5, 27],
    [360, 350, 300, 10, 17.5, 27],
    [400, 390, 300, 11, 19, 27],
    [450, 440, 300, 11.5, 21, 27],
    [500, 490, 300, 12, 23, 27],
    [550, 540, 300, 12.5, 24, 27],
    [600, 590, 300, 13, 25, 27],
  ],
  HEB: [
    [100, 100, 100, 6, 10, 12],
    [120, 120, 120, 6.5, 11, 12],
    [140, 140, 140, 7, 12, 12],
    [160, 160, 160, 8, 13, 15],
    [180, 180, 180, 8.5, 14, 15],
    [200, 200, 200, 9, 15, 18],
    [220, 220, 220, 9.5, 16, 18],
    [240, 240, 240, 10, 17, 21],
    [260, 260, 260, 10, 17.5, 24],
    [280, 280, 280, 10.5, 18, 24],
    [300, 300, 300, 11, 19, 27],
    [320, 320, 300, 11.5, 20.5, 27],
    [340, 340, 300, 12, 21.5, 27],
    [360, 360, 300, 12.5, 22.5, 27],
    [400, 400, 300, 13.5, 24, 27],
    [450, 450, 300, 14, 26, 27],
    [500, 500, 300, 14.5, 28, 27],
    [550, 550, 300, 15, 29, 27],
    [600, 600, 300, 15.5, 30, 27],
  ],
};

const table: Record<ProfileFamily, readonly Profile[]> = {
  IPE: dimensions.IPE.map((row) => toProfile("IPE", row)),
  HEA: dimensions.HEA.map((row) => toProfile("HEA", row)),
  HEB: dimensions.HEB.map((row) => toProfile("HEB", row)),
};

const byKey = new Map(profileFamilies.flatMap((family) => table[family].map((p) => [lookupKey(p.name), p] as const)));

/** The profiles of one family, smallest first. */
export function profilesOf(family: ProfileFamily): readonly Profile[] {
  return table[family];
}

/**
 * The profile with this name. Spacing and case are free, and the EN 10365
 * spelling of the H sections is accepted too: "IPE 300", "ipe300",
 * "HEA 200", "HE 200 A".
 * @throws Error when no shipped profile has that name.
 */
export function profile(name: string): Profile {
  const found = byKey.get(lookupKey(name));
  if (found === undefined) {
    throw new Error(
      `Unknown steel profile "${name}": expected a name such as IPE 300, HEA 200 or HEB 300 (IPE 80–600, HEA and HEB 100–600).`,
    );
  }
  return found;
}

/** Self-weight in kN/m, for the beam solver's `selfWeight`: A × 78.5 kN/m³. */
export function profileSelfWeight(p: Profile): number {
  return (p.A / 1e4) * steelUnitWeight;
}

function toProfile(family: ProfileFamily, [size, h, b, tw, tf, r]: Row): Profile {
  const geometry = { h, b, tw, tf, r };
  return { name: `${family} ${size}`, family, ...geometry, ...sectionProperties(geometry) };
}

/** "HE 200 A" → "HEA200", "ipe 300" → "IPE300". */
function lookupKey(name: string): string {
  const compact = name.replace(/\s+/g, "").toUpperCase();
  return compact.replace(/^HE(\d+)([AB])$/, "HE$2$1");
}
