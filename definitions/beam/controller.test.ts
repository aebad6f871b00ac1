import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCall, type CallOptions, type Controller, type DataItem, type ViewResult } from "@/lib/controller";
import type { Result } from "@/lib/result";
import { withDefaults } from "@/lib/params";
import { beamModel } from "./analyse-beam";
import { beamController } from "./controller";
import { beamParams, type BeamParams } from "./params";
import { profile } from "./profiles";

const callView = (c: Controller, name: string, params: unknown, options?: CallOptions) =>
  runCall(c, { kind: "view" as const, name, params }, options);

const defaults = withDefaults(beamParams, {}) as BeamParams;

/** The default beam with some of its params replaced. */
function beamWith(change: (params: BeamParams) => void): BeamParams {
  const params = structuredClone(defaults);
  change(params);
  return params;
}

async function resultOf<K extends ViewResult["kind"]>(view: string, params: unknown, kind: K): Promise<Extract<ViewResult, { kind: K }>> {
  const outcome: Result<ViewResult> = await callView(beamController, view, params);
  if (!outcome.ok) throw new Error(`${view}: ${JSON.stringify(outcome.failure)}`);
  expect(outcome.value.kind).toBe(kind);
  return outcome.value as Extract<ViewResult, { kind: K }>;
}

describe("beamModel: params to the solver's input", () => {
  it("maps nodes, supports, profile, E, I, loads and self-weight in the solver's units, and factors the design loads", () => {
    const model = beamModel(beamWith((p) => p.loads.distributedLoads.push({ x1: 1, x2: 5, q1: 4, q2: 8 })));
    const ipe300 = profile("IPE 300");
    expect(model.characteristic).toEqual({
      nodes: [0, 3, 6],
      E: 2.1e8,
      I: ipe300.Iy * 1e-8,
      supports: [
        { x: 0, type: "pinned" },
        { x: 6, type: "roller" },
      ],
      pointLoads: [{ x: 3, force: 50 }],
      distributedLoads: [{ x1: 1, x2: 5, q1: 4, q2: 8 }],
      selfWeight: (ipe300.A / 1e4) * 78.5,
    });
    expect(model.characteristic.I).toBeCloseTo(8.356e-5, 7);
    expect(model.design.pointLoads).toEqual([{ x: 3, force: 50 * 1.35 }]);
    expect(model.design.distributedLoads).toEqual([{ x1: 1, x2: 5, q1: 4 * 1.35, q2: 8 * 1.35 }]);
    expect(model.design.selfWeight).toBeCloseTo(model.characteristic.selfWeight! * 1.35, 12);
    expect(beamModel(beamWith((p) => (p.loads.selfWeight = false))).characteristic.selfWeight).toBe(0);
  });

  it("refuses inputs that contradict each other with the fields to mark", async () => {
    const outcome = await callView(
      beamController,
      "moments",
      beamWith((p) => {
        p.geometry.nodes[1]!.x = 6;
        p.geometry.supports.push({ node: "A", type: "fixed" });
        p.loads.distributedLoads.push({ x1: 4, x2: 2, q1: 1, q2: 1 });
      }),
    );
    expect(outcome).toEqual({
      ok: false,
      failure: {
        code: "invalid_input",
        message: "Nodes B and C are both at x = 6 m.",
        fields: [
          { path: "geometry.nodes[2].x", message: "Nodes B and C are both at x = 6 m." },
          { path: "geometry.supports[2].node", message: "Node A already has a support (row 1)." },
          { path: "loads.distributedLoads[0].x2", message: "A distributed load must end after it starts (row 1: 4 m to 2 m)." },
        ],
      },
    });
  });
});

describe("the beam's views", () => {
  it("draws the structure as SVG, escaping the node ids typed by the engineer", async () => {
    const image = await resultOf(
      "structure",
      beamWith((p) => (p.geometry.nodes[1]!.id = "<B&>")),
      "image",
    );
    expect(image.format).toBe("svg");
    expect(image.data).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(image.data).toContain("&#60;B&#38;&#62;");
    expect(image.data).toContain("50 kN");
    expect(image.data).toContain("IPE 300 · S355 · L = 6 m");
    // Well-formed: a browser draws nothing at all for an SVG with a repeated attribute (it happened).
    for (const [tag] of image.data.matchAll(/<[a-z]+(\s[^>]*)?>/g)) {
      const names = [...tag.matchAll(/\s([a-z-]+)="/g)].map(([, name]) => name);
      expect(new Set(names).size, tag).toBe(names.length);
    }
  });

  it("answers the reactions as a table: wL/2 + P/2 each for the symmetric default", async () => {
    const table = await resultOf("reactions", defaults, "table");
    expect(table.columns.map((c) => c.key)).toEqual(["node", "type", "x", "R_Ed", "M_Ed", "R_k"]);
    const g = (profile("IPE 300").A / 1e4) * 78.5;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toMatchObject({ node: "A", type: "pinned", x: 0 });
    expect(table.rows[0]!.R_k).toBeCloseTo((g * 6) / 2 + 25, 9);
    expect(table.rows[1]!.R_Ed).toBeCloseTo(1.35 * ((g * 6) / 2 + 25), 9);
  });

  it("plots shear and moments along the beam, the moments' axis reversed (sagging down)", async () => {
    const moments = await resultOf("moments", defaults, "plot");
    expect(moments.y).toEqual({ label: "M", unit: "kNm", reversed: true });
    expect(moments.series.map((s) => s.name)).toEqual(["M design (× 1.35)", "M characteristic"]);
    const g = (profile("IPE 300").A / 1e4) * 78.5;
    const midspan = Math.max(...moments.series[1]!.points.map((point) => (point as readonly [number, number])[1]));
    expect(midspan).toBeCloseTo((50 * 6) / 4 + (g * 36) / 8, 6);
    const shear = await resultOf("shear", defaults, "plot");
    expect(shear.series[0]!.points[0]).toEqual([0, expect.closeTo(1.35 * (3 * g + 25), 9)]);
  });

  it("checks the beam with statuses, the governing value first (the summary reads it)", async () => {
    const data = await resultOf("check", defaults, "data");
    const [max, ...rest] = data.items;
    expect(max).toMatchObject({ label: "Max unity check", decimals: 2, status: "success" });
    expect(rest.map((item) => item.label)).toEqual(["Bending", "Shear", "Deflection", "Section"]);
    expect(max!.value).toBe(Math.max(...rest.slice(0, 3).map((item) => item.value as number)));
    // A light profile under a heavy load fails, and says so.
    const failing = await resultOf(
      "check",
      beamWith((p) => ((p.geometry.section.profile = "IPE 80"), (p.loads.pointLoads[0]!.F = 200))),
      "data",
    );
    expect(failing.items[0]).toMatchObject({ status: "error" });
    expect((failing.items[1] as DataItem).children?.map((c) => c.label)).toEqual(["M_Ed", "M_c,Rd", "At x"]);
  });

  it("draws a bar per check, named, coloured by its status, with the limit UC = 1", async () => {
    // 50 kN at midspan of a 6 m IPE 300: passes; a 250 kN load makes bending fail.
    for (const [params, failing] of [
      [defaults, false],
      [beamWith((p) => (p.loads.pointLoads[0]!.F = 250)), true],
    ] as const) {
      const plot = await resultOf("checks", params, "plot");
      const data = await resultOf("check", params, "data");
      const bars = plot.series[0]!.points as { x: string; y: number; color: string }[];
      expect(plot.x.categories).toEqual(["Bending", "Shear", "Deflection"]);
      expect(bars.map((bar) => [bar.x, bar.y])).toEqual(data.items.slice(1, 4).map((item) => [item.label, item.value]));
      expect(plot.referenceLines).toEqual([{ y: 1, label: "UC = 1", color: "#dc2626" }]);
      const bending = bars.find((bar) => bar.x === "Bending")!;
      expect(bending.color).toBe(failing ? "#dc2626" : "#059669");
      expect(bending.y > 1).toBe(failing);
    }
  });

  it("moves the point loads across the beam frame by frame, under an envelope of every frame", async () => {
    const plot = await resultOf("movingLoad", defaults, "plot");
    expect(plot.frames).toHaveLength(41);
    expect(plot.frames![0]!.label).toBe("First load at x = 0 m");
    expect(plot.frames!.at(-1)!.label).toBe("First load at x = 6 m");
    const [max] = plot.series;
    const envelope = new Map((max!.points as [number, number][]).map(([x, m]) => [x, m]));
    // The load at midspan (frame 20): PL/4 + the self-weight's qL²/8, and the envelope holds it.
    const midspan = plot.frames![20]!.series[0]!.points as [number, number][];
    const g = (profile("IPE 300").A / 1e4) * 78.5;
    const peak = Math.max(...midspan.map(([, m]) => m));
    expect(peak).toBeCloseTo(1.35 * ((50 * 6) / 4 + (g * 36) / 8), 6);
    expect(envelope.get(3)).toBeCloseTo(peak, 6);
  });

  it("models the beam in 3D: the section extruded over the length, supports, loads and node labels", async () => {
    const geometry = await resultOf("model", defaults, "geometry");
    const [beam, supports, loads, nodes] = geometry.objects;
    expect(beam).toMatchObject({ shape: "extrusion", from: [0, 0, 0], to: [6, 0, 0] });
    expect(beam!.name).toMatch(/^IPE 300 S355, 6 m/);
    expect(supports).toMatchObject({ shape: "group", children: [{ name: "Support A (pinned)" }, { name: "Support C (roller)" }] });
    expect(loads).toMatchObject({
      shape: "group",
      children: [{ shape: "cylinder" }, { shape: "sphere" }, { shape: "label", text: "50 kN" }],
    });
    expect(nodes).toMatchObject({ shape: "group", children: [{ text: "A" }, { text: "B" }, { text: "C" }] });
  });

  it("shows a beam its supports cannot hold as the engineer's message (a UserError), not a crash", async () => {
    const outcome = await callView(
      beamController,
      "moments",
      beamWith((p) => p.geometry.supports.pop()),
    );
    expect(outcome).toEqual({
      ok: false,
      failure: {
        code: "refused",
        message: expect.stringMatching(/^The beam is a mechanism: it can rotate freely about its only support at x = 0 m/),
        fields: [],
      },
    });
  });

  it("writes a calculation sheet (web) and a report (a PDF a reader opens)", async () => {
    const web = await resultOf("sheet", defaults, "web");
    expect(web.html).toContain("<h1");
    expect(web.html).toContain("Bending");
    const pdf = await resultOf("report", defaults, "pdf");
    expect(pdf.fileName).toBe("Steel-beam-report.pdf");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "gusset-pdf-")), "report.pdf");
    writeFileSync(file, Buffer.from(pdf.data, "base64"));
    let text: string;
    try {
      text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    } catch {
      text = Buffer.from(pdf.data, "base64").toString("latin1"); // no poppler here: read the content stream
    }
    expect(text).toContain("Steel beam: steel beam check");
    expect(text).toMatch(/Governing: Deflection, unity check 0\.55/);
  });
});

describe("the slow full analysis", () => {
  it("is slow (runs on Update only) and cannot feed the summary", () => {
    expect(beamController.views.fullAnalysis.durationGuess).toBeGreaterThan(3);
    expect(Object.values(beamController.summary).map((item) => item.view)).toEqual(["check"]);
  });
  // Calling it (memoized in PostgreSQL): lib/controller/memoize.beam-full-analysis-once-per-beam.db.test.ts.
});
