import { describe, expect, test } from "vitest";
import { checkBeam, classInBending, shearArea, statusOf } from "./check";
import type { CheckItem } from "./check";
import { profile, profileFamilies, profilesOf } from "./profiles";
import type { Profile } from "./profiles";
import { solveBeam } from "./solver";
import type { BeamInput, Support } from "./solver";
import { steelE, steelGrades, yieldStrength } from "./steel";

const ipe300 = profile("IPE 300");

/** Solves a beam of this profile in steel (E in kN/m², I in m⁴). */
function analyse(p: Profile, beam: Omit<BeamInput, "E" | "I">) {
  return solveBeam({ ...beam, E: steelE * 1e3, I: p.Iy * 1e-8 });
}

function byName(items: CheckItem[], name: string): CheckItem {
  const found = items.find((i) => i.name === name);
  if (found === undefined) throw new Error(`no ${name} item`);
  return found;
}

function expectClose(actual: number, expected: number, what: string) {
  expect(Math.abs(actual / expected - 1), `${what}: got ${actual}, expected ${expected}`).toBeLessThan(1e-9);
}

const simplySupported = (L: number): Support[] => [
  { type: "pinned", x: 0 },
  { type: "roller", x: L },
];

describe("statusOf", () => {
  test.each([
    [0, "success"],
    [0.8999, "success"],
    [0.9, "warning"],
    [1, "warning"],
    [1.0001, "error"],
  ] as const)("uc %d is %s", (uc, status) => {
    expect(statusOf(uc)).toBe(status);
  });
});

describe("checkBeam", () => {
  test("IPE 300 in S235, 6 m simply supported, 20 kN/m: M = qL²/8 against Wpl·fy, V = qL/2 against Av·fy/√3, w against L/250", () => {
    const q = 20;
    const L = 6;
    const uls = analyse(ipe300, { nodes: [0, L], supports: simplySupported(L), distributedLoads: [{ x1: 0, x2: L, q1: q }] });
    const items = checkBeam({ profile: ipe300, grade: "S235", uls });
    expect(items.map((i) => i.name)).toEqual(["Bending", "Shear", "Deflection"]);

    const bending = byName(items, "Bending");
    expectClose(bending.value, (q * L * L) / 8, "M_Ed");
    expectClose(bending.limit, (ipe300.Wpl_y * 235) / 1e3, "M_Rd"); // cm³ · MPa → kNm
    expect(bending).toMatchObject({ unit: "kNm", status: "success", x: L / 2 });
    expect(bending.note).toBe("Class 1 in bending: M_Rd = Wpl,y (plastic) · fy / γM0 with fy = 235 MPa.");

    const shear = byName(items, "Shear");
    expectClose(shear.value, (q * L) / 2, "V_Ed");
    expect(shearArea(ipe300)).toBeCloseTo(2568, 0); // published Avz: 25.68 cm²
    expectClose(shear.limit, (shearArea(ipe300) * 235) / Math.sqrt(3) / 1e3, "V_Rd");

    const deflection = byName(items, "Deflection");
    expectClose(deflection.value, ((5 * q * L ** 4) / (384 * 2.1e8 * ipe300.Iy * 1e-8)) * 1e3, "w in mm");
    expect(deflection).toMatchObject({ limit: 24, unit: "mm", x: L / 2, note: "Span 6 m from x = 0 m: limit L/250." });
    expect(deflection.uc).toBeCloseTo(0.8014, 3);
    for (const i of items) expectClose(i.uc, i.value / i.limit, `${i.name} uc`);
  });

  test("an overloaded beam is an error, a nearly full one a warning", () => {
    const L = 6;
    const MRd = (ipe300.Wpl_y * 235) / 1e3;
    const qFor = (uc: number) => (8 * uc * MRd) / (L * L);
    const statusAt = (uc: number) => {
      const uls = analyse(ipe300, { nodes: [0, L], supports: simplySupported(L), distributedLoads: [{ x1: 0, x2: L, q1: qFor(uc) }] });
      return byName(checkBeam({ profile: ipe300, grade: "S235", uls, sls: uls }), "Bending").status;
    };
    expect([statusAt(0.5), statusAt(0.95), statusAt(1.05)]).toEqual(["success", "warning", "error"]);
  });

  test("high shear reduces the moment resistance where both act (EN 1993-1-1 6.2.8)", () => {
    // A 0.3 m cantilever with 300 kN at its tip: V/V_Rd = 0.86 all along, M = 90 kNm at the root.
    const L = 0.3;
    const P = 300;
    const uls = analyse(ipe300, { nodes: [0, L], supports: [{ type: "fixed", x: 0 }], pointLoads: [{ x: L, force: P }] });
    const items = checkBeam({ profile: ipe300, grade: "S235", uls });
    const Vpl = (shearArea(ipe300) * 235) / Math.sqrt(3) / 1e3;
    const rho = ((2 * P) / Vpl - 1) ** 2;
    const hw = ipe300.h - 2 * ipe300.tf;
    const MvRd = ((ipe300.Wpl_y * 1e3 - (rho * hw * hw * ipe300.tw) / 4) * 235) / 1e6;
    const bending = byName(items, "Bending");
    expectClose(bending.value, P * L, "M_Ed");
    expectClose(bending.limit, MvRd, "M_V,Rd");
    expect(bending.note).toContain("reduced for high shear");
    expect(bending.x).toBe(0);
  });

  test("a class 3 section (HEA 260 in S355) resists with Wel, not Wpl", () => {
    const hea260 = profile("HEA 260");
    expect(classInBending(hea260, "S355")).toBe(3);
    expect(classInBending(hea260, "S235")).toBe(1);
    const L = 5;
    const uls = analyse(hea260, { nodes: [0, L], supports: simplySupported(L), pointLoads: [{ x: 2.5, force: 100 }] });
    const bending = byName(checkBeam({ profile: hea260, grade: "S355", uls }), "Bending");
    expectClose(bending.limit, (hea260.Wel_y * 355) / 1e3, "M_Rd");
    expect(bending.note).toMatch(/^Class 3 in bending: M_Rd = Wel,y \(elastic\)/);
  });

  test("deflection: the worst region governs, and a cantilever is limited to 2L/250", () => {
    // 6 m span with a 2 m overhang carrying a tip load: the overhang governs.
    const uls = analyse(ipe300, {
      nodes: [0, 8],
      supports: simplySupported(6),
      pointLoads: [{ x: 8, force: 20 }],
    });
    const deflection = byName(checkBeam({ profile: ipe300, grade: "S355", uls }), "Deflection");
    expect(deflection).toMatchObject({ limit: 16, x: 8, note: "Cantilever 2 m from x = 6 m: limit 2L/250." });
    expectClose(deflection.value, Math.abs(uls.maxDeflection.value) * 1e3, "tip deflection in mm");
  });

  test("deflection uses the serviceability analysis when given", () => {
    const L = 6;
    const beam = { nodes: [0, L], supports: simplySupported(L) };
    const uls = analyse(ipe300, { ...beam, distributedLoads: [{ x1: 0, x2: L, q1: 30 }] });
    const sls = analyse(ipe300, { ...beam, distributedLoads: [{ x1: 0, x2: L, q1: 20 }] });
    const items = checkBeam({ profile: ipe300, grade: "S235", uls, sls });
    expectClose(byName(items, "Deflection").value, sls.maxDeflection.value * 1e3, "w");
    expectClose(byName(items, "Bending").value, uls.maxMoment.value, "M");
  });
});

describe("what the simplified check leaves out holds for every shipped profile", () => {
  const all = profileFamilies.flatMap(profilesOf);

  test("no profile is class 4 in bending, and every IPE is class 1", () => {
    for (const grade of steelGrades) {
      for (const p of all) expect(classInBending(p, grade), `${p.name} ${grade}`).toBeLessThan(4);
      for (const p of profilesOf("IPE")) expect(classInBending(p, grade), `${p.name} ${grade}`).toBe(1);
    }
  });

  test("no web needs a shear buckling check: hw/tw ≤ 72ε/η with η = 1 (EN 1993-1-1 6.2.6(6))", () => {
    for (const grade of steelGrades) {
      for (const p of all) {
        const epsilon = Math.sqrt(235 / yieldStrength(grade, p.tf));
        expect((p.h - 2 * p.tf) / p.tw, `${p.name} ${grade}`).toBeLessThanOrEqual(72 * epsilon);
      }
    }
  });

  test("every flange is at most 40 mm thick, so fy is the table's first column", () => {
    for (const p of all) expect(p.tf).toBeLessThanOrEqual(40);
  });
});
