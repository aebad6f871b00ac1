/**
 * The unity check of a steel beam, a simplified EN 1993-1-1 approach:
 * - bending: M_Ed ≤ M_c,Rd = W·fy/γM0, with W = Wpl for a class 1 or 2
 *   section and Wel for class 3 (§6.2.5), reduced where V_Ed > V_pl,Rd/2
 *   (§6.2.8), checked at every sample so M and V are taken at the same place;
 * - shear: V_Ed ≤ V_pl,Rd = Av·(fy/√3)/γM0 (§6.2.6);
 * - deflection: w ≤ L/250 per span, a cantilever counting as twice its length.
 *
 * Not checked, so the caller must make sure of them: lateral-torsional
 * buckling (the compression flange is assumed restrained), web buckling in
 * shear (hw/tw ≤ 72ε/η holds for every shipped profile; see check.test.ts),
 * local load introduction (web crippling at supports and point loads), and
 * axial force (a beam here carries none).
 */
import type { BeamResult } from "./beam-model";
import type { Profile } from "./profiles";
import { yieldStrength } from "./steel";
import type { SteelGrade } from "./steel";

export const checkStatuses = ["success", "warning", "error"] as const;

/** success below 90 % utilisation, warning from 90 % to 100 %, error above. */
export type CheckStatus = (typeof checkStatuses)[number];

/** One line of the unity check. */
export interface CheckItem {
  /** "Bending", "Shear" or "Deflection". */
  readonly name: string;
  /** The design effect: kNm, kN or mm (always ≥ 0). */
  readonly value: number;
  /** The resistance or limit it is compared with, in the same unit. */
  readonly limit: number;
  readonly unit: "kNm" | "kN" | "mm";
  /** Utilisation value / limit. */
  readonly uc: number;
  readonly status: CheckStatus;
  /** Where the check governs, m. */
  readonly x: number;
  /** How the limit was found, for the engineer reading the report. */
  readonly note: string;
}

export interface BeamCheckInput {
  readonly profile: Profile;
  readonly grade: SteelGrade;
  /** The analysis under the ultimate limit state combination (factored loads). */
  readonly uls: BeamResult;
  /** The analysis under the serviceability combination; default `uls` (conservative). */
  readonly sls?: BeamResult;
  /** The span is divided by this for the deflection limit. Default 250. */
  readonly deflectionLimit?: number;
  /** Partial factor for cross-section resistance. Default 1.0 (EN 1993-1-1 recommended value). */
  readonly gammaM0?: number;
}

/** Utilisation from which a check turns from success to warning. */
const WARNING_FROM = 0.9;

/** The status of a utilisation: error above 1, warning from 0.9, else success. */
export function statusOf(uc: number): CheckStatus {
  if (uc > 1) return "error";
  if (uc >= WARNING_FROM) return "warning";
  return "success";
}

/**
 * Checks bending, shear and deflection of the beam, in that order.
 * Units: the BeamResult in kN, kNm, m; the profile in mm and cm units.
 * @throws Error for a class 4 section, which this simplified check does not cover.
 */
export function checkBeam({ profile, grade, uls, sls = uls, deflectionLimit = 250, gammaM0 = 1.0 }: BeamCheckInput): CheckItem[] {
  const fy = yieldStrength(grade, profile.tf); // MPa; the flange is the thickest part
  const sectionClass = classInBending(profile, grade);
  if (sectionClass === 4) {
    // No shipped profile is class 4 in bending (check.test.ts); a custom one must not pass silently.
    throw new Error(`${profile.name} is class 4 in bending in ${grade}: effective sections (EN 1993-1-5) are not covered by this check.`);
  }
  const Vpl = (shearArea(profile) * fy) / Math.sqrt(3) / gammaM0 / 1e3; // mm² · MPa → kN

  // Bending at every sample, with the moment resistance reduced by the shear there.
  const web = { hw: profile.h - 2 * profile.tf, tw: profile.tw };
  let bending = { uc: 0, M: 0, MRd: 0, x: uls.start, reduced: false };
  for (const { x, M, V } of uls.samples) {
    const rho = Math.abs(V) > Vpl / 2 ? Math.min(1, (2 * Math.abs(V)) / Vpl - 1) ** 2 : 0;
    // §6.2.8(5) for class 1/2: the web's plastic modulus hw²·tw/4 works at (1 − ρ)·fy.
    // For class 3 the same idea on the elastic modulus, hw²·tw/6: a simplification.
    const W =
      sectionClass <= 2 ? profile.Wpl_y * 1e3 - (rho * web.hw ** 2 * web.tw) / 4 : profile.Wel_y * 1e3 - (rho * web.hw ** 2 * web.tw) / 6; // mm³
    const MRd = (W * fy) / gammaM0 / 1e6; // N·mm → kNm
    const uc = Math.abs(M) / MRd;
    if (uc > bending.uc) bending = { uc, M: Math.abs(M), MRd, x, reduced: rho > 0 };
  }
  const modulus = sectionClass <= 2 ? "Wpl,y (plastic)" : "Wel,y (elastic)";
  const items: CheckItem[] = [
    item(
      "Bending",
      bending.M,
      bending.MRd,
      "kNm",
      bending.x,
      `Class ${sectionClass} in bending: M_Rd = ${modulus} · fy / γM0 with fy = ${fy} MPa${bending.reduced ? ", reduced for high shear (EN 1993-1-1 6.2.8)" : ""}.`,
    ),
    item(
      "Shear",
      Math.abs(uls.maxShear.value),
      Vpl,
      "kN",
      uls.maxShear.x,
      `V_pl,Rd = Av · fy / (√3 · γM0), Av = ${Math.round(shearArea(profile))} mm².`,
    ),
  ];

  // Deflection per region between supports; an overhang counts as a span of twice its length.
  const supports = [...new Set(sls.reactions.map((r) => r.x))].sort((a, b) => a - b);
  const edges = [sls.start, ...supports.filter((x) => x > sls.start && x < sls.end), sls.end];
  let deflection: CheckItem | undefined;
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const supportedAtBothEnds = supports.includes(from) && supports.includes(to);
    const span = supportedAtBothEnds ? to - from : 2 * (to - from);
    let worst = { w: 0, x: from };
    for (const s of sls.samples) {
      if (s.x >= from && s.x <= to && Math.abs(s.w) > worst.w) worst = { w: Math.abs(s.w), x: s.x };
    }
    const note = supportedAtBothEnds
      ? `Span ${round(to - from)} m from x = ${round(from)} m: limit L/${deflectionLimit}.`
      : `Cantilever ${round(to - from)} m from x = ${round(from)} m: limit 2L/${deflectionLimit}.`;
    const candidate = item("Deflection", worst.w * 1e3, (span / deflectionLimit) * 1e3, "mm", worst.x, note);
    if (deflection === undefined || candidate.uc > deflection.uc) deflection = candidate;
  }
  if (deflection !== undefined) items.push(deflection);
  return items;
}

/**
 * The cross-section class in pure bending about y (EN 1993-1-1 Table 5.2):
 * the worse of the compression flange (an outstand, c/tf ≤ 9ε, 10ε, 14ε) and
 * the web (an internal part in bending, c/tw ≤ 72ε, 83ε, 124ε), where
 * ε = √(235 / fy). Rolled IPE sections are class 1 for every grade here; some
 * wide HEA sections drop to class 3 in S355 and S460.
 */
export function classInBending(profile: Profile, grade: SteelGrade): 1 | 2 | 3 | 4 {
  const epsilon = Math.sqrt(235 / yieldStrength(grade, profile.tf));
  const flange = (profile.b - profile.tw - 2 * profile.r) / 2 / profile.tf / epsilon;
  const web = (profile.h - 2 * profile.tf - 2 * profile.r) / profile.tw / epsilon;
  const flangeClass = flange <= 9 ? 1 : flange <= 10 ? 2 : flange <= 14 ? 3 : 4;
  const webClass = web <= 72 ? 1 : web <= 83 ? 2 : web <= 124 ? 3 : 4;
  return Math.max(flangeClass, webClass) as 1 | 2 | 3 | 4;
}

/**
 * The shear area Av in mm² of a rolled I-section loaded parallel to the web
 * (EN 1993-1-1 6.2.6(3)a): A − 2·b·tf + (tw + 2r)·tf, but not less than
 * η·hw·tw with η = 1.0 (the value the code allows "conservatively").
 */
export function shearArea(profile: Profile): number {
  const A = profile.A * 100; // cm² → mm²
  const { b, h, tw, tf, r } = profile;
  return Math.max(A - 2 * b * tf + (tw + 2 * r) * tf, (h - 2 * tf) * tw);
}

function item(name: string, value: number, limit: number, unit: CheckItem["unit"], x: number, note: string): CheckItem {
  const uc = value / limit;
  return { name, value, limit, unit, uc, status: statusOf(uc), x, note };
}

function round(x: number): number {
  return Number(x.toFixed(3));
}
