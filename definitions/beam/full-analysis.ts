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
import type { BeamResult, BeamSample, Extreme } from "./solver";
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

export async function fullAnalysis(model: BeamModel, options: FullAnalysisOptions = {}): Promise<FullAnalysis> {
  const { positions = 600, sampleIntervals = 2000, sections = 1001, signal, progress } = options;
  const design = model.design;
  const start = Math.min(...design.nodes);
  const end = Math.max(...design.nodes);
  const x = Array.from({ length: sections }, (_, i) => start + ((end - start) * i) / (sections - 1));
  const env = {
    Mmax: x.map(() => -Infinity),
    Mmin: x.map(() => Infinity),
    Vmax: x.map(() => -Infinity),
    Vmin: x.map(() => Infinity),
    w: x.map(() => 0),
  };

  // The group: the point loads at their offsets from the first one, led across the beam
  // from the first load entering at the start to the last one leaving at the end.
  const loads = design.pointLoads ?? [];
  const first = Math.min(...loads.map((load) => load.x));
  const offsets = loads.map((load) => ({ dx: load.x - first, force: load.force }));
  const spread = Math.max(0, ...offsets.map((o) => o.dx));
  const steps = loads.length ? positions : 1;
  let solves = 0;
  for (let step = 0; step < steps; step++) {
    const lead = start - spread + ((end - start + spread) * step) / Math.max(1, steps - 1);
    const pointLoads = offsets.map((o) => ({ x: lead + o.dx, force: o.force })).filter((load) => load.x >= start && load.x <= end);
    const result = solve({ ...design, pointLoads: loads.length ? pointLoads : [] }, { sampleIntervals });
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
function envelopeAt(
  samples: readonly BeamSample[],
  x: readonly number[],
  env: { Mmax: number[]; Mmin: number[]; Vmax: number[]; Vmin: number[]; w: number[] },
): void {
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
