/**
 * Structural steel: the grades a beam can be made of and the constants every
 * grade shares (EN 1993-1-1 §3.2). Stresses in MPa (N/mm²), as in the code.
 */

/** The grades on offer, weakest first. */
export const steelGrades = ["S235", "S275", "S355", "S460"] as const;

export type SteelGrade = (typeof steelGrades)[number];

/**
 * Nominal yield strength fy and ultimate strength fu in MPa, for element
 * thickness t ≤ 40 mm and 40 < t ≤ 80 mm (EN 1993-1-1 Table 3.1: S235–S355
 * per EN 10025-2, S460 as S460 N/NL per EN 10025-3).
 */
export const steelGradeStrengths: Record<
  SteelGrade,
  { readonly upTo40mm: { readonly fy: number; readonly fu: number }; readonly upTo80mm: { readonly fy: number; readonly fu: number } }
> = {
  S235: { upTo40mm: { fy: 235, fu: 360 }, upTo80mm: { fy: 215, fu: 360 } },
  S275: { upTo40mm: { fy: 275, fu: 430 }, upTo80mm: { fy: 255, fu: 410 } },
  S355: { upTo40mm: { fy: 355, fu: 490 }, upTo80mm: { fy: 335, fu: 470 } },
  S460: { upTo40mm: { fy: 460, fu: 540 }, upTo80mm: { fy: 430, fu: 540 } },
};

/**
 * fy in MPa for an element `thickness` mm thick (for a rolled I-section, its
 * flange). Every profile shipped here has t ≤ 40 mm.
 * @throws Error above 80 mm, where Table 3.1 stops.
 */
export function yieldStrength(grade: SteelGrade, thickness: number): number {
  if (thickness <= 40) return steelGradeStrengths[grade].upTo40mm.fy;
  if (thickness <= 80) return steelGradeStrengths[grade].upTo80mm.fy;
  throw new Error(`EN 1993-1-1 Table 3.1 gives no yield strength for ${grade} thicker than 80 mm (got ${thickness} mm).`);
}

/** Young's modulus in MPa. For the beam solver, in kN/m²: steelE × 1000. */
export const steelE = 210_000;

/** Shear modulus in MPa. */
export const steelG = 81_000;

/** Density in kg/m³. */
export const steelDensity = 7850;

/** Unit weight in kN/m³ (EN 1991-1-1 Table A.4, upper value). */
export const steelUnitWeight = 78.5;

export { sectionOutline } from "./section-outline";
