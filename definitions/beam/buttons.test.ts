import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { controller, runCall, type ButtonResult, type CallOptions, type Controller } from "@/lib/controller";
import { withDefaults } from "@/lib/params";
import { analyseBeam } from "./analyse-beam";
import { allProfilesByMass, beamButtons, LIGHTEST_CANDIDATES } from "./buttons";
import { beamParams, type BeamParams } from "./params";

const callButton = (c: Controller, name: string, params: unknown, options?: CallOptions) =>
  runCall(c, { kind: "button" as const, name, params }, options);

// The buttons as the route calls them: through callButton, on a controller that holds them.
const withButtons = controller(beamParams, { views: {}, buttons: beamButtons });
const defaults = withDefaults(beamParams, {}) as BeamParams;
const entity = { id: "e1", name: "Beam B-7", type: "beam" };

async function press(
  name: keyof typeof beamButtons,
  params: unknown = defaults,
  options: Parameters<typeof callButton>[3] = {},
): Promise<ButtonResult> {
  const outcome = await callButton(withButtons, name, params, { entity, ...options });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.failure.code}: ${outcome.failure.message}`);
  return outcome.value;
}

describe("the beam's download buttons", () => {
  it("report: a PDF named after the entity, with the inputs, the diagrams and the unity check", async () => {
    const result = await press("report");
    expect(result).toMatchObject({ kind: "download", fileName: "Beam-B-7-report.pdf", contentType: "application/pdf", encoding: "base64" });
    if (result.kind !== "download") return;
    const { text } = await new PDFParse({ data: new Uint8Array(Buffer.from(result.data, "base64")) }).getText();
    expect(text).toContain("Beam B-7: steel beam check");
    expect(text).toMatch(/Profile\s+IPE 300/);
    expect(text).toMatch(/Point loads\s+50 kN at 3 m/);
    expect(text).toMatch(/Bending\s+[\d.]+ \/ [\d.]+ kNm\s+UC 0\.\d\d\s+OK/);
    expect(text).toContain("Governing unity check");
    expect(text).toContain("Shear force V (kN)");
  });

  it("forces: the ULS internal forces as CSV, one line per sample", async () => {
    const result = await press("forces");
    expect(result).toMatchObject({ kind: "download", fileName: "Beam-B-7-forces.csv", contentType: "text/csv", encoding: "utf8" });
    if (result.kind !== "download") return;
    const [header, ...rows] = result.data.trim().split("\n");
    expect(header).toBe("x_m,V_kN,M_kNm,w_mm");
    expect(rows).toHaveLength(analyseBeam(defaults).design.samples.length);
    const maxM = Math.max(...rows.map((row) => Number(row.split(",")[2])));
    expect(maxM).toBeCloseTo(analyseBeam(defaults).design.maxMoment.value, 3);
  });
});

describe("the lightest profile", () => {
  it("offers the lightest passing profiles, lightest first, each with max UC < 1, reporting progress per profile", async () => {
    const reports: number[] = [];
    const result = await press("lightest", defaults, { onProgress: (fraction) => reports.push(fraction) });
    expect(result.kind).toBe("optimization");
    if (result.kind !== "optimization") return;
    expect(result.columns.map((c) => c.label)).toEqual(["Profile", "Mass", "Max UC"]);
    expect(result.candidates).toHaveLength(LIGHTEST_CANDIDATES);
    const masses = result.candidates.map((c) => c.values.mass as number);
    expect(masses).toEqual([...masses].sort((a, b) => a - b));
    for (const candidate of result.candidates) {
      expect(candidate.values.maxUc as number).toBeLessThan(1);
      const p = candidate.params as BeamParams;
      expect(p.geometry.section.profile).toBe(candidate.values.profile);
      expect(Math.max(...analyseBeam(p).checks.map((c) => c.uc))).toBeCloseTo(candidate.values.maxUc as number, 9);
    }
    // Nothing lighter than the first candidate passes.
    const first = result.candidates[0]!.values.mass as number;
    for (const lighter of allProfilesByMass().filter((p) => p.mass < first)) {
      const p = {
        ...defaults,
        geometry: { ...defaults.geometry, section: { ...defaults.geometry.section, family: lighter.family, profile: lighter.name } },
      };
      expect(Math.max(...analyseBeam(p).checks.map((c) => c.uc)), lighter.name).toBeGreaterThanOrEqual(1);
    }
    expect(reports.length).toBeGreaterThanOrEqual(allProfilesByMass().length);
    expect(reports.at(-1)).toBe(1);
  });

  it("stops when cancelled", async () => {
    const stop = new AbortController();
    let seen = 0;
    const outcome = await callButton(withButtons, "lightest", defaults, {
      signal: stop.signal,
      onProgress: () => ++seen === 3 && stop.abort(),
    });
    expect(outcome).toEqual({ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } });
    expect(seen).toBeLessThan(10);
  });

  it("says so when no profile passes", async () => {
    const heavy = { ...defaults, loads: { ...defaults.loads, pointLoads: [{ x: 3, F: 10_000 }] } };
    const result = await press("lightest", heavy);
    expect(result).toMatchObject({ kind: "optimization", candidates: [], message: expect.stringContaining("None of the") });
  });
});

describe("the set-params buttons", () => {
  it("reset loads: no point or distributed loads, self-weight on, the rest untouched", async () => {
    const loaded = { ...defaults, loads: { ...defaults.loads, selfWeight: false, distributedLoads: [{ x1: 0, x2: 6, q1: 5, q2: 5 }] } };
    const result = await press("resetLoads", loaded);
    expect(result).toEqual({
      kind: "setParams",
      params: { ...loaded, loads: { ...loaded.loads, pointLoads: [], distributedLoads: [], selfWeight: true } },
      message: "Point and distributed loads cleared; self-weight on.",
    });
  });

  it("mirror geometry: x → L − x for nodes and loads, a trapezoid turned round; mirroring twice gives the beam back", async () => {
    const beam = {
      ...defaults,
      geometry: {
        ...defaults.geometry,
        nodes: [
          { id: "A", x: 0 },
          { id: "B", x: 2 },
          { id: "C", x: 8 },
        ],
      },
      loads: { ...defaults.loads, pointLoads: [{ x: 2, F: 40 }], distributedLoads: [{ x1: 1, x2: 5, q1: 2, q2: 6 }] },
    };
    const result = await press("mirror", beam);
    if (result.kind !== "setParams") throw new Error(result.kind);
    const p = result.params as BeamParams;
    expect(p.geometry.nodes).toEqual([
      { id: "C", x: 0 },
      { id: "B", x: 6 },
      { id: "A", x: 8 },
    ]);
    expect(p.loads.pointLoads).toEqual([{ x: 6, F: 40 }]);
    expect(p.loads.distributedLoads).toEqual([{ x1: 3, x2: 7, q1: 6, q2: 2 }]);
    const back = await press("mirror", p);
    if (back.kind !== "setParams") throw new Error(back.kind);
    expect(back.params).toEqual(beam);
  });
});

describe("send to the fabricator", () => {
  it("is disabled, with the failing checks named, while a unity check fails", async () => {
    const failing = { ...defaults, loads: { ...defaults.loads, pointLoads: [{ x: 3, F: 400 }] } };
    const outcome = await callButton(withButtons, "send", failing, { entity });
    expect(outcome).toEqual({
      ok: false,
      failure: { code: "refused", message: expect.stringMatching(/^Not while a unity check fails: Bending \d\.\d\d/), fields: [] },
    });
  });
});
