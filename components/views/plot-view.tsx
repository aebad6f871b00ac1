"use client";

// Loaded with next/dynamic (view-result.tsx): recharts is only in the chunks of views that plot.
import { useMemo } from "react";
import {
  Bar,
  CartesianGrid,
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
import { axisTitle, chartSeries, describeSeries } from "./plot-series";

const number = (value: unknown) => (typeof value === "number" ? Number(value.toPrecision(4)).toString() : String(value));

/** A plot result: lines, points and bars on numeric axes with their units. */
export default function PlotView({ result, height = 360 }: { result: PlotResult; height?: number }) {
  const { series, barRows } = useMemo(() => chartSeries(result), [result]);
  return (
    <figure
      className="rounded-md border border-slate-200 bg-white p-2"
      data-view-kind="plot"
      aria-label={`${axisTitle(result.y)} against ${axisTitle(result.x)}`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={barRows} margin={{ top: 12, right: 24, bottom: 28, left: 24 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="x"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={number}
            allowDuplicatedCategory={false}
            label={{ value: axisTitle(result.x), position: "insideBottom", offset: -16, fill: "#334155" }}
          />
          <YAxis
            type="number"
            reversed={result.y.reversed ?? false}
            tickFormatter={number}
            label={{ value: axisTitle(result.y), angle: -90, position: "insideLeft", offset: -8, fill: "#334155" }}
          />
          <ReferenceLine y={0} stroke="#64748b" />
          <Tooltip
            formatter={(value) => number(value)}
            labelFormatter={(label) => `${result.x.label} = ${number(label)}${result.x.unit ? ` ${result.x.unit}` : ""}`}
          />
          <Legend verticalAlign="top" height={28} />
          {series.map((s) =>
            s.type === "line" ? (
              <Line
                key={s.key}
                data={s.rows as { x: number; y: number }[]}
                dataKey="y"
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                type="linear"
              />
            ) : s.type === "scatter" ? (
              <Scatter
                key={s.key}
                data={s.rows as { x: number; y: number }[]}
                dataKey="y"
                name={s.name}
                fill={s.color}
                isAnimationActive={false}
              />
            ) : (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} maxBarSize={24} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{describeSeries(series, result.y.unit)}</figcaption>
    </figure>
  );
}
