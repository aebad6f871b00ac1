/**
 * The slow "full analysis": the point loads as one group (a crane or a
 * vehicle) moved across the beam in many small steps, each position solved
 * finely, and the envelope of M, V and w at every section checked. It takes
 * several seconds on purpose of its size, not of a sleep: ~600 solves of
 * 2,000 sample intervals, about 6 ms each on the 2-core machine here.
 * It yields to the event loop between batches, reports progress, and stops
 * when its signal aborts.
 */
import { CallCancelled } from "@/lib/controller";
import { solve, type BeamModel } from "./analyse-beam";
import { checkBeam, shearArea, classInBending, type CheckItem } from "./check";
import type { BeamInput, BeamResult, BeamSample, Extreme } from "./solver";
import { yieldStrength } from "./steel";

export interface FullAnalysisOptions {
  /** Steps of the moving load group. Default 600. */
  readonly positions?: number;
  /** Sample intervals per solve. Default 2000. */
  readonly sampleIntervals?: number;
  /** Sections the envelope is taken at. Default 1001. */
  readonly sections?: number;
  readonly signal?: AbortSignal;
  readonly progress?: (fraction: number, message: string) => void;
}

export interface FullAnalysis {
  /** Section positions, m. */
  readonly x: readonly number[];
  /** Envelopes under the factored loads: max and min M (kNm) and V (kN) over all load positions. */
  readonly Mmax: readonly number[];
  readonly Mmin: readonly number[];
  readonly Vmax: readonly number[];
  readonly Vmin: readonly number[];
  /** Utilisation in bending (|M| / M_c,Rd) and shear (|V| / V_pl,Rd) at each section. */
  readonly ucBending: readonly number[];
  readonly ucShear: readonly number[];
  /** checkBeam on the envelope: the governing checks. */
  readonly checks: readonly CheckItem[];
  readonly positions: number;
  readonly solves: number;
}

/**
 * The point loads as one group (at their offsets from the first), led across the beam in `steps`
 * positions, from the last load entering at the start to the first leaving at the end; loads off
 * the beam are left out. Without point loads, one position with none.
 */
export function loadPositions(input: BeamInput, steps: number): { lead: number; pointLoads: { x: number; force: number }[] }[] {
  const loads = input.pointLoads ?? [];
  const start = Math.min(...input.nodes);
  const end = Math.max(...input.nodes);
  if (loads.length === 0) return [{ lead: start, pointLoads: [] }];
  const first = Math.min(...loads.map((load) => load.x));
  const offsets = loads.map((load) => ({ dx: load.x - first, force: load.force }));
  const spread = Math.max(0, ...offsets.map((o) => o.dx));
  return Array.from({ length: steps }, (_, step) => {
    const lead = start - spread + ((end - start + spread) * step) / Math.max(1, steps - 1);
    const pointLoads = offsets.map((o) => ({ x: lead + o.dx, force: o.force })).filter((load) => load.x >= start && load.x <= end);
    return { lead, pointLoads };
  });
}

export async function fullAnalysis(model: BeamModel, options: FullAnalysisOptions = {}): Promise<FullAnalysis> {
  const { positions = 600, sampleIntervals = 2000, sections = 1001, signal, progress } = options;
  const design = model.design;
  const start = Math.min(...design.nodes);
  const end = Math.max(...design.nodes);
  const x = Array.from({ length: sections }, (_, i) => start + ((end - start) * i) / (sections - 1));
  const env = emptyEnvelope(sections);

  const loads = design.pointLoads ?? [];
  const group = loadPositions(design, positions);
  const steps = group.length;
  let solves = 0;
  for (const [step, { lead, pointLoads }] of group.entries()) {
    const result = solve({ ...design, pointLoads }, { sampleIntervals });
    solves += 1;
    envelopeAt(result.samples, x, env);
    if (step % 20 === 19 || step === steps - 1) {
      progress?.(
        (0.9 * (step + 1)) / steps,
        loads.length ? `Load position ${step + 1} of ${steps}: first load at x = ${lead.toFixed(2)} m` : "Solved the static loads",
      );
      await new Promise((resolve) => setTimeout(resolve, 0)); // let other calls, and the abort, through
      if (signal?.aborted) throw new CallCancelled("The full analysis was cancelled.");
    }
  }

  progress?.(0.93, `Checking ${sections.toLocaleString("en-GB")} sections`);
  const { profile, grade } = model;
  const fy = yieldStrength(grade, profile.tf);
  const W = classInBending(profile, grade) <= 2 ? profile.Wpl_y : profile.Wel_y; // cm³
  const MRd = (W * 1e3 * fy) / 1e6; // kNm, γM0 = 1.0
  const VRd = (shearArea(profile) * fy) / Math.sqrt(3) / 1e3; // kN
  const ucBending = x.map((_, i) => Math.max(Math.abs(env.Mmax[i]!), Math.abs(env.Mmin[i]!)) / MRd);
  const ucShear = x.map((_, i) => Math.max(Math.abs(env.Vmax[i]!), Math.abs(env.Vmin[i]!)) / VRd);

  // checkBeam on the envelope: at each section the governing M with the governing V (conservative).
  const governing = x.map((xi, i): BeamSample => ({
    x: xi,
    M: Math.abs(env.Mmax[i]!) >= Math.abs(env.Mmin[i]!) ? env.Mmax[i]! : env.Mmin[i]!,
    V: Math.abs(env.Vmax[i]!) >= Math.abs(env.Vmin[i]!) ? env.Vmax[i]! : env.Vmin[i]!,
    w: env.w[i]!,
  }));
  const reactions = solve(model.characteristic).reactions; // checkBeam reads the support positions from them
  const uls: BeamResult = {
    start,
    end,
    reactions,
    samples: governing,
    maxMoment: largest(governing, "M"),
    maxShear: largest(governing, "V"),
    maxDeflection: largest(governing, "w"),
  };
  // All loads carry one factor, so the characteristic deflection is the design one divided by it.
  const slsSamples = governing.map((s) => ({ ...s, w: s.w / model.loadFactor }));
  const sls: BeamResult = { ...uls, samples: slsSamples, maxDeflection: largest(slsSamples, "w") };
  const checks = checkBeam({ profile, grade, uls, sls });
  progress?.(1, "Done");
  return { x, Mmax: env.Mmax, Mmin: env.Mmin, Vmax: env.Vmax, Vmin: env.Vmin, ucBending, ucShear, checks, positions: steps, solves };
}

/**
 * Widens the envelope with one solution, read at the sections by linear
 * interpolation between its samples (which are sorted by x; at a jump, the
 * two samples at one x both count).
 */
/** The extremes of M, V and w at each section, over every solution seen so far. */
export interface Envelope {
  readonly Mmax: number[];
  readonly Mmin: number[];
  readonly Vmax: number[];
  readonly Vmin: number[];
  readonly w: number[];
}

export function emptyEnvelope(sections: number): Envelope {
  const filled = (value: number) => Array<number>(sections).fill(value);
  return { Mmax: filled(-Infinity), Mmin: filled(Infinity), Vmax: filled(-Infinity), Vmin: filled(Infinity), w: filled(0) };
}

export function envelopeAt(samples: readonly BeamSample[], x: readonly number[], env: Envelope): void {
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    while (j + 1 < samples.length && samples[j + 1]!.x < xi) j++;
    const a = samples[j]!;
    const b = samples[Math.min(j + 1, samples.length - 1)]!;
    const t = b.x > a.x ? Math.min(1, Math.max(0, (xi - a.x) / (b.x - a.x))) : 0;
    const M = a.M + (b.M - a.M) * t;
    const V = a.V + (b.V - a.V) * t;
    const w = a.w + (b.w - a.w) * t;
    if (M > env.Mmax[i]!) env.Mmax[i] = M;
    if (M < env.Mmin[i]!) env.Mmin[i] = M;
    if (V > env.Vmax[i]!) env.Vmax[i] = V;
    if (V < env.Vmin[i]!) env.Vmin[i] = V;
    if (Math.abs(w) > Math.abs(env.w[i]!)) env.w[i] = w;
  }
}

function largest(samples: readonly BeamSample[], field: "M" | "V" | "w"): Extreme {
  let best: Extreme = { value: 0, x: samples[0]?.x ?? 0 };
  for (const s of samples) if (Math.abs(s[field]) > Math.abs(best.value)) best = { value: s[field], x: s.x };
  return best;
}
