import { describe, expect, it } from "vitest";
import { beamParams } from "@/definitions/beam/params";
import { withDefaults } from "@/lib/params";
import { describePath } from "./describe-path";
import { diffParams } from "./diff-params";

describe("diffParams", () => {
  it("finds nothing between equal params", () => {
    const params = withDefaults(beamParams, {});
    expect(diffParams(params, structuredClone(params))).toEqual([]);
  });

  it.each([
    ["a changed number", { a: 1 }, { a: 2 }, [{ path: "a", kind: "changed", before: 1, after: 2 }]],
    [
      "a nested value",
      { g: { s: { x: "IPE" } } },
      { g: { s: { x: "HEA" } } },
      [{ path: "g.s.x", kind: "changed", before: "IPE", after: "HEA" }],
    ],
    ["a cell of a row", { t: [{ x: 1, F: 5 }] }, { t: [{ x: 1, F: 6 }] }, [{ path: "t[0].F", kind: "changed", before: 5, after: 6 }]],
    ["an added row", { t: [{ x: 1 }] }, { t: [{ x: 1 }, { x: 2 }] }, [{ path: "t[1]", kind: "added", after: { x: 2 } }]],
    ["a removed row", { t: [{ x: 1 }, { x: 2 }] }, { t: [{ x: 1 }] }, [{ path: "t[1]", kind: "removed", before: { x: 2 } }]],
    ["a multi-select as a whole", { m: ["a"] }, { m: ["a", "b"] }, [{ path: "m", kind: "changed", before: ["a"], after: ["a", "b"] }]],
    ["an added key", {}, { a: null }, [{ path: "a", kind: "added", after: null }]],
    ["a removed key", { a: 1 }, {}, [{ path: "a", kind: "removed", before: 1 }]],
    ["null to a value", { a: null }, { a: 0 }, [{ path: "a", kind: "changed", before: null, after: 0 }]],
    ["a type change", { a: { b: 1 } }, { a: "text" }, [{ path: "a", kind: "changed", before: { b: 1 }, after: "text" }]],
    ["a whole object that is not params", 1, 2, [{ path: "", kind: "changed", before: 1, after: 2 }]],
  ])("reports %s", (_, before, after, expected) => {
    expect(diffParams(before, after)).toEqual(expected);
  });

  it("lists changes in layout order", () => {
    const before = withDefaults(beamParams, {});
    const after = structuredClone(before) as { geometry: { section: { grade: string } }; loads: { selfWeight: boolean } };
    after.loads.selfWeight = false;
    after.geometry.section.grade = "S235";
    expect(diffParams(before, after).map((change) => change.path)).toEqual(["geometry.section.grade", "loads.selfWeight"]);
  });
});

describe("describePath", () => {
  it("names a table cell by its tab, table, row and column, with the unit", () => {
    expect(describePath(beamParams, "loads.pointLoads[1].F")).toEqual({ labels: ["Loads", "Point loads", "row 2", "Force"], suffix: "kN" });
  });

  it("shows keys the layout does not know as they are", () => {
    expect(describePath(beamParams, "geometry.removed.x")).toEqual({ labels: ["Geometry", "removed", "x"] });
  });
});
