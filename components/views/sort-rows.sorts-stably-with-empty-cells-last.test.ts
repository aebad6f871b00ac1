import { describe, expect, it } from "vitest";
import type { TableColumn } from "@/lib/controller/results";
import { nextSort, sortRows } from "./sort-rows";

const columns: TableColumn[] = [
  { key: "node", label: "Node", type: "text" },
  { key: "F", label: "Force", type: "number", suffix: "kN" },
];
const rows = [
  { node: "N10", F: 5 },
  { node: "N2", F: null },
  { node: "n1", F: 5 },
  { node: "N3", F: -2 },
];

describe("sortRows", () => {
  it("leaves the rows as they came without a sort or with an unknown column", () => {
    expect(sortRows(rows, columns, null)).toEqual(rows);
    expect(sortRows(rows, columns, { key: "nope", direction: "ascending" })).toEqual(rows);
  });

  it("sorts numbers by value, stably, with empty cells last in both directions", () => {
    expect(sortRows(rows, columns, { key: "F", direction: "ascending" }).map((r) => r.node)).toEqual(["N3", "N10", "n1", "N2"]);
    expect(sortRows(rows, columns, { key: "F", direction: "descending" }).map((r) => r.node)).toEqual(["N10", "n1", "N3", "N2"]);
  });

  it("sorts text with numbers inside compared as numbers, ignoring case", () => {
    expect(sortRows(rows, columns, { key: "node", direction: "ascending" }).map((r) => r.node)).toEqual(["n1", "N2", "N3", "N10"]);
  });

  it("toggles ascending and descending on the same column, and starts ascending on another", () => {
    expect(nextSort(null, "F")).toEqual({ key: "F", direction: "ascending" });
    expect(nextSort({ key: "F", direction: "ascending" }, "F")).toEqual({ key: "F", direction: "descending" });
    expect(nextSort({ key: "F", direction: "descending" }, "F")).toEqual({ key: "F", direction: "ascending" });
    expect(nextSort({ key: "F", direction: "descending" }, "node")).toEqual({ key: "node", direction: "ascending" });
  });
});
