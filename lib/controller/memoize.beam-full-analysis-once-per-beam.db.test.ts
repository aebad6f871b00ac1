import { describe, expect, it } from "vitest";
import { runCall, type CallOptions, type Controller } from "@/lib/controller";
import { db } from "@/lib/db/client";
import { withDefaults } from "@/lib/params";
import { beamController } from "@/definitions/beam/controller";
import { FULL_ANALYSIS_MEMO } from "@/definitions/beam/memoized-full-analysis";
import { beamParams, type BeamParams } from "@/definitions/beam/params";

const callView = (c: Controller, name: string, params: unknown, options?: CallOptions) =>
  runCall(c, { kind: "view" as const, name, params }, options);

// The slow full analysis through the view, as a call runs it: its result is memoized in this
// file's database, so a second call with the same beam reads it instead of computing again.

const defaults = withDefaults(beamParams, {}) as BeamParams;
const withForce = (F: number): BeamParams => ({ ...defaults, loads: { ...defaults.loads, pointLoads: [{ x: 3, F }] } });
const memoRows = () => db.memoEntry.findMany({ where: { name: FULL_ANALYSIS_MEMO }, select: { key: true, createdAt: true } });

describe("the beam's full analysis", () => {
  it("moves the point loads across the beam, reports progress, and envelopes at least the static moment", async () => {
    const progress: [number, string | undefined][] = [];
    const outcome = await callView(beamController, "fullAnalysis", defaults, { onProgress: (f, m) => progress.push([f, m]) });
    if (!outcome.ok || outcome.value.kind !== "combined") throw new Error(JSON.stringify(outcome));
    const { main, data } = outcome.value;
    expect(main.kind).toBe("plot");
    expect(data.items[0]).toMatchObject({ label: "Governing unity check", status: "success" });
    const envelope = data.items.find((item) => item.label === "Envelope")!;
    expect(envelope.children).toContainEqual({ label: "Load positions", value: 600 });
    const fractions = progress.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([1, "Done"]);
    expect(progress.some(([, m]) => m?.startsWith("Load position 300 of 600"))).toBe(true);
  }, 30_000);

  it("is computed once per beam: a second call reads the stored result, with no progress and the same answer", async () => {
    const first = await callView(beamController, "fullAnalysis", withForce(61));
    const rows = await memoRows();
    const progress: number[] = [];
    const second = await callView(beamController, "fullAnalysis", withForce(61), { onProgress: (f) => progress.push(f) });
    expect(second).toEqual(first);
    expect(progress).toEqual([]);
    expect(await memoRows()).toEqual(rows);
    // Another beam is another entry.
    await callView(beamController, "fullAnalysis", withForce(62));
    expect(await memoRows()).toHaveLength(rows.length + 1);
  }, 60_000);

  it("stops soon after its call is cancelled, and stores nothing", async () => {
    const before = await memoRows();
    const abort = new AbortController();
    const started = performance.now();
    const pending = callView(beamController, "fullAnalysis", withForce(70), {
      signal: abort.signal,
      onProgress: (f) => f > 0.1 && abort.abort(),
    });
    expect(await pending).toEqual({ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } });
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(await memoRows()).toEqual(before);
  }, 30_000);
});
