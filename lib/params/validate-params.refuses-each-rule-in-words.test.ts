import { describe, expect, it } from "vitest";
import { formatParamsError, validateParams, type ParamsError } from "@/lib/params";
import { everyKind } from "@/lib/params/test-support/every-kind";
import { setAtPath } from "@/lib/params/test-support/set-at-path";

const valid = {
  scalars: {
    length: 6,
    offset: null,
    bolts: 4,
    name: "B1",
    code: null,
    notes: null,
    enabled: true,
    inspected: "2026-05-31",
    paint: "#1e88e5",
  },
  choices: { family: "IPE", spans: 1, material: "S355", cases: ["dead"], refs: { soil: null, drawing: null } },
  rows: { points: [{ x: 1, F: 10, kind: "point" }], segments: [{ length: 2, label: null }] },
};
const pdf = { fileId: "f1", name: "drawing.pdf", size: 1000, type: "application/pdf" };

const refusedFromBrowser = (input: unknown) => {
  const result = validateParams(everyKind, input, { source: "browser" });
  return result.ok ? [] : result.errors;
};
const error = (path: string, rule: ParamsError["rule"], message: string): ParamsError => ({ path, rule, message });

describe("validateParams, each field kind", () => {
  it("accepts the valid params as they are", () => {
    expect(validateParams(everyKind, valid, { source: "browser" })).toEqual({ ok: true, params: valid });
  });

  // [path changed, new value (undefined: key deleted), every error expected]
  it.each<[string, unknown, ParamsError[]]>([
    ["scalars.length", 31, [error("scalars.length", "max", "Length must be at most 30 m")]],
    ["scalars.length", 0.5, [error("scalars.length", "min", "Length must be at least 1 m")]],
    ["scalars.length", "6", [error("scalars.length", "type", "Length must be a number")]],
    ["scalars.length", null, [error("scalars.length", "required", "Length is required")]],
    ["scalars.bolts", 4.5, [error("scalars.bolts", "type", "Bolts must be a whole number")]],
    ["scalars.bolts", 13, [error("scalars.bolts", "max", "Bolts must be at most 12")]],
    ["scalars.bolts", undefined, [error("scalars.bolts", "required", "Bolts is required")]],
    ["scalars.name", "", [error("scalars.name", "required", "Name is required")]],
    ["scalars.name", "a".repeat(13), [error("scalars.name", "maxLength", "Name must be at most 12 characters")]],
    ["scalars.code", "ab", [error("scalars.code", "minLength", "Code must be at least 3 characters")]],
    ["scalars.notes", 42, [error("scalars.notes", "type", "Notes must be text")]],
    ["scalars.enabled", "yes", [error("scalars.enabled", "type", "Enabled must be true or false")]],
    ["scalars.inspected", "2026-02-30", [error("scalars.inspected", "type", "Inspected must be a date written like 2026-05-31")]],
    ["scalars.paint", "red", [error("scalars.paint", "type", "Paint must be a colour written like #1e88e5")]],
    ["choices.family", "HEB", [error("choices.family", "option", "Family must be one of IPE, HEA")]],
    ["choices.spans", 3, [error("choices.spans", "option", "Spans must be one of 1, 2")]],
    ["choices.material", "S460", [error("choices.material", "option", "Material must be one of S235, S355")]],
    ["choices.cases", ["dead", "snow"], [error("choices.cases[1]", "option", "Load cases must be one of dead, live, wind")]],
    ["choices.cases", "dead", [error("choices.cases", "type", "Load cases must be a list of its options")]],
    ["choices.refs.soil", "", [error("choices.refs.soil", "type", "Soil must be the id of an entity")]],
    [
      "choices.refs.drawing",
      { ...pdf, name: "a.docx", type: "application/msword" },
      [error("choices.refs.drawing", "fileType", "Drawing must be a file of type .pdf, image/*")],
    ],
    ["choices.refs.drawing", { ...pdf, size: 2_000_000 }, [error("choices.refs.drawing", "fileSize", "Drawing must be at most 1 MB")]],
    [
      "choices.refs.drawing",
      { fileId: "f1", size: 1, type: "image/png" },
      [error("choices.refs.drawing", "type", "Drawing must be an uploaded file { fileId, name, size, type }")],
    ],
    [
      "choices.refs.drawing",
      { ...pdf, owner: "me" },
      [error("choices.refs.drawing.owner", "unknownField", 'Drawing has no field "owner"')],
    ],
    ["rows.points", [1, 2, 3, 4, 5].map((x) => ({ x })), [error("rows.points", "maxRows", "Point loads allows at most 4 rows")]],
    ["rows.points[0].x", -1, [error("rows.points[0].x", "min", "Position must be at least 0 m")]],
    ["rows.points[0]", 5, [error("rows.points[0]", "type", "Point loads must be a list of rows, each an object of column values")]],
    ["rows.points[0].y", 1, [error("rows.points[0].y", "unknownField", 'Point loads has no field "y"')]],
    ["rows.segments", [], [error("rows.segments", "minRows", "Segments needs at least 1 row")]],
    ["rows.segments[0].length", 0, [error("rows.segments[0].length", "min", "Length must be at least 0.1 m")]],
    ["scalars.lenght", 6, [error("scalars.lenght", "unknownField", 'Scalars has no field "lenght"')]],
    ["wind", {}, [error("wind", "unknownField", 'There is no field "wind"')]],
    ["scalars", [], [error("scalars", "type", "Scalars must be a group of fields (an object)")]],
    ["", "params", [error("", "type", "Params must be an object of fields")]],
  ])("%s = %j is refused with the field path and the rule", (path, value, expected) => {
    expect(refusedFromBrowser(setAtPath(valid, path, value))).toEqual(expected);
  });

  it("accepts an optional field left empty", () => {
    const input = setAtPath(setAtPath(valid, "scalars.offset", null), "choices.spans", null);
    expect(validateParams(everyKind, input, { source: "browser" }).ok).toBe(true);
  });

  it("accepts a file that matches `accept` by extension or by MIME family", () => {
    for (const drawing of [pdf, { ...pdf, name: "scan", type: "image/png" }]) {
      expect(validateParams(everyKind, setAtPath(valid, "choices.refs.drawing", drawing), { source: "browser" }).ok).toBe(true);
    }
  });

  it("reports every broken rule at once, each as one line naming the path", () => {
    const input = setAtPath(setAtPath(valid, "scalars.length", 31), "rows.points[0].x", -1);
    expect(refusedFromBrowser(input).map(formatParamsError)).toEqual([
      "scalars.length: Length must be at most 30 m",
      "rows.points[0].x: Position must be at least 0 m",
    ]);
  });

  it("quotes an unknown key that is not a name, so the path stays unambiguous", () => {
    expect(refusedFromBrowser(setAtPath(valid, "scalars", { ...valid.scalars, "a.b": 1 }))).toEqual([
      error('scalars["a.b"]', "unknownField", 'Scalars has no field "a.b"'),
    ]);
  });
});

describe("validateParams, by source", () => {
  const withUnknown = setAtPath(setAtPath(valid, "scalars.removed", 1), "retired", { old: true });

  it("refuses unknown keys from the browser: a typo must not pass for a default", () => {
    expect(refusedFromBrowser(withUnknown).map((refusal) => refusal.path)).toEqual(["scalars.removed", "retired"]);
  });

  it("ignores unknown keys from storage (removed fields), leaving them out of the params", () => {
    expect(validateParams(everyKind, withUnknown, { source: "storage" })).toEqual({ ok: true, params: valid });
  });

  it("checks everything else the same way from storage", () => {
    const result = validateParams(everyKind, setAtPath(withUnknown, "scalars.length", 31), { source: "storage" });
    expect(result).toEqual({ ok: false, errors: [error("scalars.length", "max", "Length must be at most 30 m")] });
  });
});
