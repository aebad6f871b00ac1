import type { PlotPoint, PlotResult, PlotSeries } from "@/lib/controller/results";

/** The colours series take in order when they name none (Tailwind 600s, distinguishable in print too). */
export const SERIES_COLORS = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#be185d", "#4b5563"];

/** A reference line's colour when it names none. */
export const REFERENCE_COLOR = "#334155";

export interface ChartRow {
  readonly x: number | string;
  readonly y: number;
  /** The point's own colour, when it has one. */
  readonly color?: string;
}

export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly type: "line" | "scatter" | "bar";
  readonly color: string;
  /** One row per point, `{ x, y }`; a jump is two rows with one x. */
  readonly rows: readonly ChartRow[];
}

/** A plot (one frame of it) as recharts takes it. */
export interface Chart {
  /** Category names in order when the x axis is named cases; null for a numeric axis. */
  readonly categories: readonly string[] | null;
  readonly series: readonly ChartSeries[];
  /**
   * The chart's shared rows, one per x: every series' column on a category axis; the bars' on a
   * numeric one (lines and scatters there keep their own rows, so they need not share x values).
   */
  readonly sharedRows: readonly Record<string, number | string>[];
  /** Axis ranges that fit every frame, so an animation does not rescale; undefined: recharts fits the data. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
}

/**
 * The chart of a plot at a frame (its own series, then the frame's): lines and scatters carry
 * their own rows on a numeric axis, so a jump stays a jump; bars share the rows, one per x.
 */
export function chartOf(result: PlotResult, frame = 0): Chart {
  const frameSeries = result.frames?.[Math.min(Math.max(frame, 0), result.frames.length - 1)]?.series ?? [];
  const series = [...result.series, ...frameSeries].map((s, i) => ({
    key: `s${i}`,
    name: s.name,
    type: s.type,
    color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length]!,
    rows: rowsOf(s.points),
  }));
  const categories = categoriesOf(result);
  const domains = result.frames?.length ? domainsOf(result, categories !== null) : {};
  if (categories) {
    const rows = categories.map((x): Record<string, number | string> => ({ x }));
    const index = new Map(categories.map((name, i) => [name, i]));
    for (const s of series) for (const row of s.rows) rows[index.get(String(row.x))!]![s.key] = row.y;
    return { categories, series, sharedRows: rows, ...domains };
  }
  const byX = new Map<number, Record<string, number>>();
  for (const s of series.filter((s) => s.type === "bar")) {
    for (const { x, y } of s.rows) {
      const row = byX.get(Number(x)) ?? { x: Number(x) };
      row[s.key] = y;
      byX.set(Number(x), row);
    }
  }
  return { categories: null, series, sharedRows: [...byX.values()].sort((a, b) => a.x! - b.x!), ...domains };
}

function pointOf(point: PlotPoint): ChartRow {
  if (Array.isArray(point)) return { x: point[0], y: point[1] };
  const { x, y, color } = point as Exclude<PlotPoint, readonly unknown[]>;
  return color === undefined ? { x, y } : { x, y, color };
}

function rowsOf(points: readonly PlotPoint[]): ChartRow[] {
  return points.map(pointOf).filter(({ x, y }) => (typeof x === "string" || Number.isFinite(x)) && Number.isFinite(y));
}

/** The category axis' names: the declared ones, then any other name a point uses, in order of appearance; null for a numeric axis. */
function categoriesOf(result: PlotResult): string[] | null {
  const every = [...result.series, ...(result.frames ?? []).flatMap((frame) => frame.series)];
  const named = every.flatMap((s) => s.points.map(pointOf)).filter((row) => typeof row.x === "string");
  if (!result.x.categories && named.length === 0) return null;
  const names = new Set(result.x.categories ?? []);
  for (const row of every.flatMap((s) => s.points.map(pointOf))) names.add(String(row.x));
  return [...names];
}

function domainsOf(result: PlotResult, categorical: boolean): Pick<Chart, "xDomain" | "yDomain"> {
  const every: PlotSeries[] = [...result.series, ...(result.frames ?? []).flatMap((frame) => frame.series)];
  const rows = every.flatMap((s) => rowsOf(s.points));
  const ys = [...rows.map((row) => row.y), ...(result.referenceLines ?? []).map((line) => line.y)];
  const xs = rows.map((row) => row.x).filter((x): x is number => typeof x === "number");
  const range = (values: readonly number[], pad: number): [number, number] | undefined => {
    if (values.length === 0) return undefined;
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const margin = (hi - lo || Math.abs(hi) || 1) * pad;
    return [lo - margin, hi + margin];
  };
  return { xDomain: categorical ? undefined : range(xs, 0), yDomain: range(ys, 0.05) };
}

/** "M [kNm]": an axis label with its unit. */
export function axisTitle(axis: PlotResult["x"]): string {
  return axis.unit ? `${axis.label} [${axis.unit}]` : axis.label;
}

/**
 * What a screen reader hears for the chart: each series' range, "M design: from 0 to 104.2 kNm.",
 * or on a category axis its values, "UC: Case 1 0.6, Case 2 0.9333."
 */
export function describeSeries(series: readonly ChartSeries[], unit?: string): string {
  const value = (v: number, scale: number) => `${Math.abs(v) <= 1e-9 * scale ? 0 : Number(v.toPrecision(4))}${unit ? ` ${unit}` : ""}`;
  return series
    .filter((s) => s.rows.length > 0)
    .map((s) => {
      const ys = s.rows.map((row) => row.y);
      // Rounding noise (-7e-15 for a moment at a support) reads as 0.
      const scale = Math.max(...ys.map(Math.abs));
      if (s.rows.every((row) => typeof row.x === "string"))
        return `${s.name}: ${s.rows.map((row) => `${row.x} ${value(row.y, scale)}`).join(", ")}.`;
      return `${s.name}: from ${value(Math.min(...ys), scale)} to ${value(Math.max(...ys), scale)}.`;
    })
    .join(" ");
}
