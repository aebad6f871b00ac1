import { describe, expect, it } from "vitest";
import { formatValue } from "./format-value";
import { stableJson } from "./stable-json";

describe("formatValue", () => {
  it.each([
    [24, { decimals: 3, suffix: "m³" }, "24.000 m³"],
    [1234.5678, { decimals: 1, suffix: "kNm" }, "1,234.6 kNm"],
    [-0.0001, { decimals: 2 }, "0.00"],
    [0.1 + 0.2, {}, "0.30000000000000004"],
    [true, {}, "yes"],
    [null, { suffix: "kN" }, "—"],
    ["S355", { suffix: "grade" }, "S355 grade"],
    [Number.POSITIVE_INFINITY, { decimals: 2 }, "Infinity"],
  ] as const)("%j with %j reads %j", (value, options, text) => {
    expect(formatValue(value, options)).toBe(text);
  });
});

describe("stableJson", () => {
  it("is the same for equal params whatever the key order, and keeps array order", () => {
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(stableJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(stableJson({ a: [1, 2] })).not.toBe(stableJson({ a: [2, 1] }));
  });
});
