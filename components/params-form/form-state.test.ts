import { describe, expect, it } from "vitest";
import { formReducer, getAt, parsePath, setAt, type FormState } from "./form-state";
import { cellValue, isCellBlock, parseClipboardRows, pasteIntoRows } from "./paste-rows";
import { number, option, text } from "@/lib/params";

describe("paths", () => {
  it("reads keys, row indices and quoted keys", () => {
    expect(parsePath("loads.pointLoads[2].F")).toEqual(["loads", "pointLoads", 2, "F"]);
    expect(parsePath('geometry["a.b"]')).toEqual(["geometry", "a.b"]);
  });

  it("sets a value without touching anything off the path", () => {
    const before = { a: { rows: [{ x: 1 }, { x: 2 }] }, b: { c: 1 } };
    const after = setAt(before, "a.rows[1].x", 5);
    expect(after).toEqual({ a: { rows: [{ x: 1 }, { x: 5 }] }, b: { c: 1 } });
    expect(after.b).toBe(before.b);
    expect(after.a.rows[0]).toBe(before.a.rows[0]);
    expect(before.a.rows[1]!.x).toBe(2);
    expect(getAt(after, "a.rows[1].x")).toBe(5);
    expect(getAt(after, "a.nope[3]")).toBeUndefined();
  });
});

describe("the form reducer", () => {
  const start: FormState = { draft: { t: { rows: [{ x: 1 }, { x: 2 }, { x: 3 }] } }, baseline: {}, version: 4 };
  const rows = (state: FormState) => (state.draft.t as { rows: { x: number }[] }).rows.map((row) => row.x);

  it("inserts, removes and moves rows", () => {
    expect(rows(formReducer(start, { type: "insertRow", path: "t.rows", index: 1, row: { x: 9 } }))).toEqual([1, 9, 2, 3]);
    expect(rows(formReducer(start, { type: "insertRow", path: "t.rows", index: 99, row: { x: 9 } }))).toEqual([1, 2, 3, 9]);
    expect(rows(formReducer(start, { type: "removeRow", path: "t.rows", index: 0 }))).toEqual([2, 3]);
    expect(rows(formReducer(start, { type: "moveRow", path: "t.rows", from: 2, to: 0 }))).toEqual([3, 1, 2]);
    expect(formReducer(start, { type: "moveRow", path: "t.rows", from: 0, to: -1 })).toBe(start);
  });

  it("makes the sent draft the baseline on save, and replaces both on load", () => {
    const saved = formReducer(start, { type: "saved", params: { a: 1 }, version: 5 });
    expect(saved).toEqual({ draft: start.draft, baseline: { a: 1 }, version: 5 });
    expect(formReducer(start, { type: "load", params: { b: 2 }, version: 7 })).toEqual({ draft: { b: 2 }, baseline: { b: 2 }, version: 7 });
  });
});

describe("pasting from a spreadsheet", () => {
  const columns = [
    ["x", number("Position", { suffix: "m" })],
    ["F", number("Force", { suffix: "kN" })],
    ["kind", option("Kind", { options: ["dead", "live"] })],
    ["note", text("Note", { optional: true })],
  ] as const;

  it("splits lines and tabs, without an empty last row", () => {
    expect(parseClipboardRows("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(isCellBlock("1\t2")).toBe(true);
    expect(isCellBlock("12.5\n")).toBe(false);
    expect(isCellBlock("12.5")).toBe(false);
  });

  it("reads numbers with a decimal point or comma, options by value or label, and keeps what it cannot read", () => {
    expect(cellValue(columns[0][1], " 2,5 ")).toBe(2.5);
    expect(cellValue(columns[0][1], "")).toBeNull();
    expect(cellValue(columns[0][1], "abc")).toBe("abc");
    expect(cellValue(columns[2][1], "LIVE")).toBe("live");
    expect(cellValue(columns[2][1], "wind")).toBe("wind");
  });

  it("fills cells from the one pasted into, adding rows and dropping cells past the last column", () => {
    const rows = [{ x: 0, F: 10, kind: "dead", note: null }];
    const pasted = pasteIntoRows(rows, columns, 0, 1, parseClipboardRows("20\tlive\tfirst\textra\n30\tdead\n"), () => ({
      x: null,
      F: null,
      kind: "live",
      note: null,
    }));
    expect(pasted).toEqual([
      { x: 0, F: 20, kind: "live", note: "first" },
      { x: null, F: 30, kind: "dead", note: null },
    ]);
    expect(pasteIntoRows(rows, columns, 0, 0, [["1"], ["2"], ["3"]], () => ({}), 2)).toHaveLength(2);
  });
});

describe("replace (a button's params)", () => {
  it("changes the draft and keeps the baseline, so the new params are unsaved", () => {
    const state: FormState = { draft: { a: 1 }, baseline: { a: 1 }, version: 3 };
    expect(formReducer(state, { type: "replace", params: { a: 2 } })).toEqual({ draft: { a: 2 }, baseline: { a: 1 }, version: 3 });
  });
});
