import { describe, expect, it } from "vitest";
import { axisTitle, chartSeries, describeSeries, SERIES_COLORS } from "./plot-series";

describe("chartSeries", () => {
  it("gives lines their own rows (a jump stays two rows at one x) and drops non-finite points", () => {
    const { series } = chartSeries({
      kind: "plot",
      x: { label: "x", unit: "m" },
      y: { label: "V", unit: "kN" },
      series: [
        {
          name: "V",
          type: "line",
          points: [
            [0, 25],
            [3, 25],
            [3, -25],
            [6, -25],
            [7, Number.NaN],
          ],
        },
      ],
    });
    expect(series).toEqual([
      {
        key: "s0",
        name: "V",
        type: "line",
        color: SERIES_COLORS[0],
        rows: [
          { x: 0, y: 25 },
          { x: 3, y: 25 },
          { x: 3, y: -25 },
          { x: 6, y: -25 },
        ],
      },
    ]);
  });

  it("merges bar series into one row per x, sorted, and keeps a series' own colour", () => {
    const { series, barRows } = chartSeries({
      kind: "plot",
      x: { label: "x" },
      y: { label: "R" },
      series: [
        {
          name: "A",
          type: "bar",
          points: [
            [6, 2],
            [0, 1],
          ],
          color: "#000000",
        },
        { name: "B", type: "bar", points: [[0, 3]] },
      ],
    });
    expect(series.map((s) => s.color)).toEqual(["#000000", SERIES_COLORS[1]]);
    expect(barRows).toEqual([
      { x: 0, s0: 1, s1: 3 },
      { x: 6, s0: 2 },
    ]);
  });

  it("titles an axis with its unit", () => {
    expect(axisTitle({ label: "M", unit: "kNm" })).toBe("M [kNm]");
    expect(axisTitle({ label: "n" })).toBe("n");
  });
});

describe("describeSeries", () => {
  it("says each series' range in four significant digits with the unit", () => {
    const { series } = chartSeries({
      kind: "plot",
      x: { label: "x" },
      y: { label: "M" },
      series: [
        {
          name: "M",
          type: "line",
          points: [
            [0, 0],
            [3, 103.8412],
            [6, -0.00001],
            [7, -7.1e-15],
          ],
        },
        { name: "empty", type: "line", points: [] },
      ],
    });
    expect(describeSeries(series, "kNm")).toBe("M: from -0.00001 kNm to 103.8 kNm.");
  });
});
