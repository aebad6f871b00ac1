"use client";

// Loaded with next/dynamic (view-result.tsx): recharts is only in the chunks of views that plot.
import { useEffect, useMemo, useState } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { PlotResult } from "@/lib/controller/results";
import { axisTitle, chartOf, describeSeries, REFERENCE_COLOR, type ChartRow, type ChartSeries } from "./plot-series";

const number = (value: unknown) => (typeof value === "number" ? Number(value.toPrecision(4)).toString() : String(value));

/** How long a frame shows while playing. */
const FRAME_MS = 400;

/**
 * A plot result: lines, points and bars on a numeric or a category axis with their units, limits
 * as reference lines, a colour per point where given, and frames stepped through with a slider.
 */
export default function PlotView({ result, height = 360 }: { result: PlotResult; height?: number }) {
  const frames = result.frames ?? [];
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const shown = Math.min(frame, Math.max(frames.length - 1, 0));
  const chart = useMemo(() => chartOf(result, shown), [result, shown]);
  const categorical = chart.categories !== null;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setFrame((at) => (at + 1) % Math.max(frames.length, 1)), FRAME_MS);
    return () => clearInterval(timer);
  }, [playing, frames.length]);

  return (
    <figure
      className="rounded-md border border-slate-200 bg-white p-2"
      data-view-kind="plot"
      data-frame={frames.length > 0 ? shown : undefined}
      aria-label={`${axisTitle(result.y)} against ${axisTitle(result.x)}`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={chart.sharedRows as Record<string, number | string>[]} margin={{ top: 12, right: 24, bottom: 28, left: 24 }}>
          <CartesianGrid stroke="#e2e8f0" />
          {categorical ? (
            <XAxis
              dataKey="x"
              type="category"
              label={{ value: axisTitle(result.x), position: "insideBottom", offset: -16, fill: "#334155" }}
            />
          ) : (
            <XAxis
              dataKey="x"
              type="number"
              domain={chart.xDomain ? [...chart.xDomain] : ["dataMin", "dataMax"]}
              tickFormatter={number}
              allowDuplicatedCategory={false}
              label={{ value: axisTitle(result.x), position: "insideBottom", offset: -16, fill: "#334155" }}
            />
          )}
          <YAxis
            type="number"
            reversed={result.y.reversed ?? false}
            domain={chart.yDomain ? [...chart.yDomain] : ["auto", "auto"]}
            allowDataOverflow={chart.yDomain !== undefined}
            tickFormatter={number}
            label={{ value: axisTitle(result.y), angle: -90, position: "insideLeft", offset: -8, fill: "#334155" }}
          />
          <ReferenceLine y={0} stroke="#64748b" />
          {(result.referenceLines ?? []).map((line, i) => (
            <ReferenceLine
              key={`ref${i}`}
              y={line.y}
              stroke={line.color ?? REFERENCE_COLOR}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              ifOverflow="extendDomain"
              label={
                line.label
                  ? { value: line.label, position: "insideTopRight", fill: line.color ?? REFERENCE_COLOR, fontSize: 12 }
                  : undefined
              }
            />
          ))}
          <Tooltip
            formatter={(value) => number(value)}
            labelFormatter={(label) =>
              categorical ? String(label) : `${result.x.label} = ${number(label)}${result.x.unit ? ` ${result.x.unit}` : ""}`
            }
          />
          <Legend verticalAlign="top" height={28} />
          {chart.series.map((s) =>
            seriesElement(
              s,
              categorical,
              chart.sharedRows.map((row) => row.x!),
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
      {frames.length > 0 && (
        <div className="flex items-center gap-3 px-2 pt-1 text-sm text-slate-700">
          <button
            type="button"
            onClick={() => setPlaying((on) => !on)}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50"
          >
            {playing ? "Pause" : "Play"}
          </button>
          <input
            type="range"
            min={0}
            max={frames.length - 1}
            value={shown}
            onChange={(event) => {
              setPlaying(false);
              setFrame(Number(event.target.value));
            }}
            aria-label="Frame"
            aria-valuetext={frames[shown]?.label}
            className="min-w-0 flex-1 accent-brand-600"
          />
          <span className="w-40 shrink-0 truncate text-right tabular-nums" aria-live="polite">
            {frames[shown]?.label}
          </span>
        </div>
      )}
      <figcaption className="sr-only">
        {describeSeries(chart.series, result.y.unit)}
        {(result.referenceLines ?? []).map((line) => ` ${line.label ?? "Reference"} at ${number(line.y)}.`).join("")}
      </figcaption>
    </figure>
  );
}

/** The colour of the bar at each of these x values: its point's own, else the series'. */
function colorsAt(s: ChartSeries, xs: readonly (number | string)[]): string[] {
  const byX = new Map<string, ChartRow>(s.rows.map((row) => [String(row.x), row]));
  return xs.map((x) => byX.get(String(x))?.color ?? s.color);
}

function seriesElement(s: ChartSeries, categorical: boolean, sharedXs: readonly (number | string)[]) {
  const colored = s.rows.some((row) => row.color !== undefined);
  // On a category axis every series reads the shared rows by its key; on a numeric one, lines and
  // scatters read their own rows.
  const own = categorical ? {} : { data: s.rows as ChartRow[] };
  const dataKey = categorical ? s.key : "y";
  switch (s.type) {
    case "line":
      return (
        <Line
          key={s.key}
          {...own}
          dataKey={dataKey}
          name={s.name}
          stroke={s.color}
          strokeWidth={2}
          dot={colored || categorical ? coloredDot(s) : false}
          isAnimationActive={false}
          type="linear"
        />
      );
    case "scatter":
      // A scatter on category names is a line without its stroke: recharts' Scatter wants numbers.
      return categorical ? (
        <Line key={s.key} dataKey={s.key} name={s.name} stroke="none" dot={coloredDot(s)} isAnimationActive={false} legendType="circle" />
      ) : (
        <Scatter key={s.key} data={s.rows as ChartRow[]} dataKey="y" name={s.name} fill={s.color} isAnimationActive={false}>
          {colored && s.rows.map((row, i) => <Cell key={i} fill={row.color ?? s.color} />)}
        </Scatter>
      );
    case "bar":
      return (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} maxBarSize={categorical ? 64 : 24}>
          {colored && colorsAt(s, sharedXs).map((color, i) => <Cell key={i} fill={color} />)}
        </Bar>
      );
  }
}

/** Dots in each point's own colour (recharts calls this with the dot's place and the row's index). */
function coloredDot(s: ChartSeries) {
  const byX = new Map(s.rows.map((row) => [String(row.x), row.color]));
  const Dot = (props: { cx?: number; cy?: number; index?: number; payload?: { x?: unknown } }) => {
    const { cx, cy, payload } = props;
    if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g key={props.index} />;
    const color = byX.get(String(payload?.x)) ?? s.color;
    return <circle key={props.index} cx={cx} cy={cy} r={4} fill={color} stroke="#ffffff" strokeWidth={1} />;
  };
  return Dot;
}
