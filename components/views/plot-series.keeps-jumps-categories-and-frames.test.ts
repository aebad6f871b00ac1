import { describe, expect, it } from "vitest";
import { axisTitle, chartOf, describeSeries, SERIES_COLORS } from "./plot-series";

describe("chartOf", () => {
  it("gives lines their own rows (a jump stays two rows at one x) and drops non-finite points", () => {
    const { series } = chartOf({
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
    const { series, sharedRows } = chartOf({
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
    expect(sharedRows).toEqual([
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
    const { series } = chartOf({
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

describe("chartOf on a category axis", () => {
  const cases = {
    kind: "plot" as const,
    x: { label: "Case", categories: ["Case 1", "Case 2", "Case 3"] },
    y: { label: "UC", unit: "%" },
    series: [
      {
        name: "UC",
        type: "bar" as const,
        points: [
          { x: "Case 2", y: 93.33, color: "orange" },
          { x: "Case 1", y: 60, color: "green" },
          { x: "Case 3", y: 125, color: "red" },
        ],
      },
      { name: "Target", type: "line" as const, points: [["Case 4", 80] as const] },
    ],
  };

  it("shares one row per category, in the declared order, names not declared appended", () => {
    const chart = chartOf(cases);
    expect(chart.categories).toEqual(["Case 1", "Case 2", "Case 3", "Case 4"]);
    expect(chart.sharedRows).toEqual([
      { x: "Case 1", s0: 60 },
      { x: "Case 2", s0: 93.33 },
      { x: "Case 3", s0: 125 },
      { x: "Case 4", s1: 80 },
    ]);
  });

  it("keeps each point's own colour", () => {
    expect(chartOf(cases).series[0]!.rows.map((row) => row.color)).toEqual(["orange", "green", "red"]);
  });

  it("reads out each category's value", () => {
    expect(describeSeries(chartOf(cases).series.slice(0, 1), "%")).toBe("UC: Case 2 93.33 %, Case 1 60 %, Case 3 125 %.");
  });

  it("is a numeric axis when no x is a name", () => {
    expect(
      chartOf({ kind: "plot", x: { label: "x" }, y: { label: "y" }, series: [{ name: "a", type: "bar", points: [[1, 2]] }] }).categories,
    ).toBe(null);
  });
});

describe("chartOf with frames", () => {
  const moving = {
    kind: "plot" as const,
    x: { label: "x", unit: "m" },
    y: { label: "M", unit: "kNm" },
    series: [
      {
        name: "Envelope",
        type: "line" as const,
        points: [
          [0, 0],
          [6, 0],
        ] as [number, number][],
      },
    ],
    referenceLines: [{ y: -10, label: "Limit" }],
    frames: [
      {
        label: "x = 1 m",
        series: [
          {
            name: "M",
            type: "line" as const,
            points: [
              [0, 0],
              [1, 40],
              [6, 0],
            ] as [number, number][],
          },
        ],
      },
      {
        label: "x = 3 m",
        series: [
          {
            name: "M",
            type: "line" as const,
            points: [
              [0, 0],
              [3, 75],
              [6, 0],
            ] as [number, number][],
          },
        ],
      },
    ],
  };

  it("draws the plot's own series and the frame's", () => {
    expect(chartOf(moving, 1).series.map((s) => [s.name, s.rows.length])).toEqual([
      ["Envelope", 2],
      ["M", 3],
    ]);
    expect(chartOf(moving, 1).series[1]!.rows[1]).toEqual({ x: 3, y: 75 });
    expect(chartOf(moving, 99).series[1]!.rows[1]).toEqual({ x: 3, y: 75 }); // past the end: the last frame
  });

  it("fixes the axes to fit every frame and the reference lines, so the animation does not rescale", () => {
    const first = chartOf(moving, 0);
    expect(first.xDomain).toEqual([0, 6]);
    expect(first.yDomain![0]).toBeCloseTo(-10 - 0.05 * 85, 9);
    expect(first.yDomain![1]).toBeCloseTo(75 + 0.05 * 85, 9);
    expect(chartOf(moving, 1).yDomain).toEqual(first.yDomain);
  });
});
