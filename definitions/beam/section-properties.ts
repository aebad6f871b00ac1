/**
 * Section properties of a doubly symmetric rolled I-section, derived from its
 * five catalogue dimensions. The root fillets are included exactly (each is a
 * square of side r less a quarter circle), which is how the EN 10365 tables
 * are computed, so the values below match the tables to their printed digits.
 *
 * Axes: y is the strong axis (horizontal, bending in the plane of the web),
 * z the weak axis (vertical), both through the centroid.
 */
import { steelDensity } from "./steel";

/** The catalogue dimensions of a rolled I-section, all in mm. */
export interface IGeometry {
  /** Overall depth. */
  readonly h: number;
  /** Flange width. */
  readonly b: number;
  /** Web thickness. */
  readonly tw: number;
  /** Flange thickness. */
  readonly tf: number;
  /** Root radius (web-to-flange fillet). */
  readonly r: number;
}

/** Derived properties, in the units of the steel tables. */
export interface SectionProperties {
  /** Area in cm². */
  readonly A: number;
  /** Second moment of area about y in cm⁴. */
  readonly Iy: number;
  /** Elastic section modulus about y in cm³ (Iy / (h/2)). */
  readonly Wel_y: number;
  /** Plastic section modulus about y in cm³. */
  readonly Wpl_y: number;
  /** Second moment of area about z in cm⁴. */
  readonly Iz: number;
  /** Mass per metre in kg/m, at 7850 kg/m³. */
  readonly mass: number;
}

/** Computes A, Iy, Wel,y, Wpl,y, Iz and the mass from h, b, tw, tf, r. */
export function sectionProperties({ h, b, tw, tf, r }: IGeometry): SectionProperties {
  const hw = h - 2 * tf; // web depth between the flanges, mm
  // One fillet: a square r × r less a quarter disc. Its area, the distance of
  // its centroid from the two faces it fills, and its own second moment about
  // its centroid (the same about both axes, by symmetry).
  const filletArea = (1 - Math.PI / 4) * r * r;
  const filletCentroid = (r * (10 - 3 * Math.PI)) / (12 - 3 * Math.PI);
  const filletOwnI = r ** 4 * (1 - (5 * Math.PI) / 16) - filletArea * filletCentroid ** 2;
  const filletLeverY = hw / 2 - filletCentroid; // from the y axis, mm
  const filletLeverZ = tw / 2 + filletCentroid; // from the z axis, mm

  const A = 2 * b * tf + hw * tw + 4 * filletArea; // mm²
  const Iy = (b * h ** 3 - (b - tw) * hw ** 3) / 12 + 4 * (filletOwnI + filletArea * filletLeverY ** 2); // mm⁴
  const Iz = (2 * tf * b ** 3 + hw * tw ** 3) / 12 + 4 * (filletOwnI + filletArea * filletLeverZ ** 2); // mm⁴
  const Wpl = b * tf * (h - tf) + (tw * hw * hw) / 4 + 4 * filletArea * filletLeverY; // mm³

  return {
    A: A / 1e2,
    Iy: Iy / 1e4,
    Wel_y: (2 * Iy) / h / 1e3,
    Wpl_y: Wpl / 1e3,
    Iz: Iz / 1e4,
    mass: (A / 1e6) * steelDensity,
  };
}
