import { describe, expect, it } from "vitest";
import { number, parametrization } from "@/lib/params";
import { describeProblem, paramsFromFile, paramsJsonParser, paramsToJson } from "./file-import";

const cube = parametrization({
  length: number("Length", { min: 0.1, max: 100, default: 1, suffix: "m" }),
  width: number("Width", { min: 0.1, max: 100, default: 1, suffix: "m" }),
});
const fromJson = { accept: [".json"], parse: paramsJsonParser("cube") };
const upload = (text: string) => paramsFromFile(cube, fromJson, { name: "cube.json", text });

describe("params as JSON: export, then import", () => {
  it("round-trips an entity's params and name", () => {
    const text = paramsToJson({ type: "cube", name: "Block", params: { length: 2, width: 3 } });
    expect(upload(text)).toEqual({ ok: true, name: "Block", params: { length: 2, width: 3 } });
  });

  it("names the line and column of a syntax error", () => {
    const imported = upload('{\n  "gusset": 1,\n  "type": "cube"\n  "params": {}\n}');
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(describeProblem(imported.problems[0]!)).toMatch(/^Line 4, column 3: This is not valid JSON/);
  });

  it("names the field a value is wrong in", () => {
    const imported = upload(paramsToJson({ type: "cube", name: "Block", params: { length: 500, width: 3 } }));
    expect(imported).toEqual({ ok: false, problems: [{ path: "length", message: expect.stringMatching(/Length must be at most 100 m/) }] });
  });

  it("refuses another type's file and a file that is not a Gusset export", () => {
    expect(upload(paramsToJson({ type: "beam", name: "B", params: {} }))).toEqual({
      ok: false,
      problems: [{ path: "type", message: "This file holds a beam, not a cube." }],
    });
    expect(upload('{"length": 1}')).toEqual({
      ok: false,
      problems: [{ line: 1, column: 1, message: 'This is not a Gusset params file: it needs "gusset": 1 and "params".' }],
    });
  });
});
