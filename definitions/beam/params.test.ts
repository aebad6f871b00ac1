import { describe, expect, it } from "vitest";
import { validateParams, withDefaults } from "@/lib/params";
import { beamParams } from "./params";

describe("the steel beam's params", () => {
  const defaults = withDefaults(beamParams, {});

  it("default to a simply supported 6 m IPE 300 in S355 with 50 kN at midspan", () => {
    expect(defaults).toMatchObject({
      geometry: {
        nodes: [
          { id: "A", x: 0 },
          { id: "B", x: 3 },
          { id: "C", x: 6 },
        ],
        supports: [
          { node: "A", type: "pinned" },
          { node: "C", type: "roller" },
        ],
        section: { family: "IPE", profile: "IPE 300", grade: "S355" },
      },
      loads: { pointLoads: [{ x: 3, F: 50 }], distributedLoads: [], selfWeight: true },
    });
  });

  it("refuses a point load beyond the last node, a support on an unknown node and a profile of another family", () => {
    const result = validateParams(
      beamParams,
      {
        ...defaults,
        geometry: {
          ...(defaults.geometry as object),
          supports: [{ node: "Z", type: "pinned" }],
          section: { family: "HEA", profile: "IPE 300", grade: "S355" },
        },
        loads: { ...(defaults.loads as object), pointLoads: [{ x: 7, F: 50 }] },
      },
      { source: "browser" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      "geometry.section.profile",
      "geometry.supports[0].node",
      "loads.pointLoads[0].x",
    ]);
  });
});
