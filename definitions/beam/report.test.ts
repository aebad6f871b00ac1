import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { checkBeam } from "./check";
import { profile } from "./profiles";
import { beamForcesCsv, beamReportPdf } from "./report";
import { solveBeam } from "./solver";
import { steelE } from "./steel";

const ipe300 = profile("IPE 300");
const result = solveBeam({
  nodes: [0, 6],
  E: steelE * 1e3,
  I: ipe300.Iy * 1e-8,
  supports: [
    { type: "pinned", x: 0 },
    { type: "roller", x: 6 },
  ],
  pointLoads: [{ x: 3, force: 50 }],
});
const checks = checkBeam({ profile: ipe300, grade: "S355", uls: result });

describe("beamReportPdf", () => {
  it("writes a PDF whose text holds the inputs, the unity check and the diagrams' extremes", async () => {
    const pdf = await beamReportPdf({
      title: "Beam B-7",
      inputs: [
        ["Profile", "IPE 300"],
        ["Span", "6 m"],
        ["Point load", "50 kN at 3 m"],
      ],
      result,
      checks,
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    expect(text).toContain("Beam B-7");
    expect(text).toMatch(/Profile\s+IPE 300/);
    expect(text).toMatch(/Bending\s+75\.00 \/ \d+ kNm\s+UC 0\.\d\d\s+OK/); // M = PL/4 = 75 kNm
    expect(text).toContain("Governing unity check");
    expect(text).toContain("Bending moment M (kNm), sagging drawn below the axis");
    expect(text).toMatch(/75\.00 at 3\.00 m/);
    expect(text).toMatch(/Support at x = 0\.00 m\s+25\.00 kN/);
  });
});

describe("beamForcesCsv", () => {
  it("lists x, V, M and w at every sample, parseable back to the analysis", () => {
    const csv = beamForcesCsv(result);
    const [header, ...lines] = csv.trim().split("\n");
    expect(header).toBe("x_m,V_kN,M_kNm,w_mm");
    const rows = lines.map((line) => line.split(",").map(Number));
    expect(rows).toHaveLength(result.samples.length);
    const mid = rows.find(([x, , M]) => x === 3 && Math.abs(M! - 75) < 1e-6);
    expect(mid).toBeDefined();
    const wMid = ((50 * 6 ** 3) / (48 * steelE * 1e3 * ipe300.Iy * 1e-8)) * 1000;
    expect(Math.max(...rows.map((r) => r[3]!))).toBeCloseTo(wMid, 5);
  });
});
