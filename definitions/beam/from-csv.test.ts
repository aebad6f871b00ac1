import { describe, expect, it } from "vitest";
import { describeProblem, paramsFromFile } from "@/lib/entities/file-import";
import { beamParams } from "./params";
import { BEAM_CSV_EXAMPLE, beamFromCsv } from "./from-csv";

const fromFile = { accept: [".csv"], parse: beamFromCsv };
const upload = (text: string, name = "beam.csv") => paramsFromFile(beamParams, fromFile, { name, text });

describe("a beam from CSV", () => {
  it("reads the documented example into valid params, with defaults for what it leaves out", () => {
    const imported = upload(BEAM_CSV_EXAMPLE);
    expect(imported).toMatchObject({
      ok: true,
      name: "Beam from CSV",
      params: {
        geometry: {
          nodes: [
            { id: "A", x: 0 },
            { id: "B", x: 6 },
          ],
          supports: [
            { node: "A", type: "pinned" },
            { node: "B", type: "roller" },
          ],
          section: { family: "IPE", profile: "IPE 300", grade: "S355" },
        },
        loads: { pointLoads: [{ x: 3, F: 50 }], distributedLoads: [{ x1: 0, x2: 6, q1: 10, q2: 10 }], selfWeight: true, loadFactor: 1.35 },
      },
    });
  });

  it.each([
    [
      "an unknown record kind",
      "node,A,0\nnode,B,6\nsuport,A,pinned\n",
      'Line 3, column 1: "suport" is not a record kind; use one of name, node, support, point, distributed, profile, grade, selfweight.',
    ],
    ["a number that is not one", "node,A,0\nnode,B,six\n", 'Line 2, column 3: the node position x (m) must be a number; "six" is not.'],
    [
      "a wrong support type",
      "node,A,0\nnode,B,6\nsupport,A,pinnd\n",
      'Line 3, column 3: the support type "pinnd" is not one of pinned, roller, fixed.',
    ],
    ["too few values", "node,A,0\nnode,B,6\npoint,3\n", "Line 3, column 3: a point line needs a position x and a force F; it has 1 value."],
    ["no nodes", "# nothing here\n", "The file needs at least two node lines (the beam's ends)."],
  ])("refuses %s, naming the line and column", (_name, text, message) => {
    const imported = upload(text);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.problems.map(describeProblem)).toEqual([message]);
  });

  it("refuses values the parametrization refuses, naming the field", () => {
    const imported = upload("node,A,0\nnode,B,6\nsupport,A,pinned\nsupport,B,roller\npoint,3,50000\n");
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^loads\.pointLoads\[0\]\.F: Force must be at most 10000 kN/),
    ]);
  });

  it("refuses a file of another kind by its name", () => {
    expect(upload(BEAM_CSV_EXAMPLE, "beam.xlsx")).toEqual({ ok: false, problems: [{ message: '"beam.xlsx" is not a .csv file.' }] });
  });
});
