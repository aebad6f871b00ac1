import type { PlotResult } from "@/lib/controller/results";

/** The colours series take in order when they name none (Tailwind 600s, distinguishable in print too). */
export const SERIES_COLORS = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#be185d", "#4b5563"];

export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly type: "line" | "scatter" | "bar";
  readonly color: string;
  /** One row per point, `{ x, y }`; a jump is two rows with one x. */
  readonly rows: readonly { readonly x: number; readonly y: number }[];
}

/**
 * The plot's series as recharts takes them: lines and scatters carry their own
 * rows (so two series need not share x values, and a jump stays a jump);
 * bars share the chart's rows, one per x, a column per bar series.
 */
export function chartSeries(result: PlotResult): { series: ChartSeries[]; barRows: Record<string, number>[] } {
  const series = result.series.map((s, i) => ({
    key: `s${i}`,
    name: s.name,
    type: s.type,
    color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length]!,
    rows: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([x, y]) => ({ x, y })),
  }));
  const byX = new Map<number, Record<string, number>>();
  for (const s of series.filter((s) => s.type === "bar")) {
    for (const { x, y } of s.rows) {
      const row = byX.get(x) ?? { x };
      row[s.key] = y;
      byX.set(x, row);
    }
  }
  return { series, barRows: [...byX.values()].sort((a, b) => a.x! - b.x!) };
}

/** "M [kNm]": an axis label with its unit. */
export function axisTitle(axis: PlotResult["x"]): string {
  return axis.unit ? `${axis.label} [${axis.unit}]` : axis.label;
}

/** What a screen reader hears for the chart: each series' range. "M design: from 0 to 104.2 kNm." */
export function describeSeries(series: readonly ChartSeries[], unit?: string): string {
  return series
    .filter((s) => s.rows.length > 0)
    .map((s) => {
      const ys = s.rows.map((row) => row.y);
      // Rounding noise (-7e-15 for a moment at a support) reads as 0.
      const scale = Math.max(...ys.map(Math.abs));
      const value = (v: number) => `${Math.abs(v) <= 1e-9 * scale ? 0 : Number(v.toPrecision(4))}${unit ? ` ${unit}` : ""}`;
      return `${s.name}: from ${value(Math.min(...ys))} to ${value(Math.max(...ys))}.`;
    })
    .join(" ");
}
