/**
 * Linear static analysis of a straight beam by the direct stiffness method.
 * Units and the sign convention are in ./beam-model.ts; in short: kN, m, kNm,
 * loads and deflection downward positive, sagging moment positive,
 * reactions upward and counter-clockwise positive.
 *
 * How: the beam is cut into Euler–Bernoulli elements at its ends and
 * supports (./mesh-beam.ts). Loads inside an element enter as its exact
 * fixed-end forces, which makes the nodal displacements exact; the reduced
 * stiffness matrix is solved by band Cholesky; V, M and w inside each
 * element then follow exactly from its end forces and its loads
 * (./beam-element.ts). So the results are exact (to rounding) for any mix of
 * point forces, point moments and linear loads, with no mesh to refine.
 * Shear deformation is ignored (Euler–Bernoulli), as in the hand formulas.
 */
import type { BeamInput, BeamResult, BeamSample, Extreme, Reaction, SolveOptions, Support } from "./beam-model";
import { UnstableStructureError, metres } from "./beam-errors";
import { elementEndForces, elementFieldsAt, elementStiffness, fixedEndForces } from "./beam-element";
import type { ElementDisplacements } from "./beam-element";
import { findRoots } from "./find-roots";
import type { Side } from "./load-terms";
import { meshBeam } from "./mesh-beam";
import type { BeamMesh } from "./mesh-beam";
import { addToBand, createBandMatrix, solveBandedSystem } from "./solve-banded-system";

export type * from "./beam-model";
export { InvalidBeamError, UnstableStructureError, invalidBeamCodes } from "./beam-errors";
export type { InvalidBeamCode } from "./beam-errors";

/**
 * Solves the beam: reactions, sampled V(x), M(x), w(x) and their extremes.
 * Pure and synchronous; runs in the browser and on the server.
 *
 * @param input nodes (m), E (kN/m²), I (m⁴), supports and loads (kN, kNm, kN/m).
 * @param options sampling density; see `SolveOptions`.
 * @throws InvalidBeamError when the input is not a beam (a load off the beam,
 *   two nodes at one position, a non-finite number…); `code` says which.
 * @throws UnstableStructureError when the supports cannot hold the beam.
 */
export function solveBeam(input: BeamInput, options: SolveOptions = {}): BeamResult {
  const mesh = meshBeam(input);
  requireEnoughSupports(mesh);
  const displacements = solveDisplacements(mesh);
  const elements = mesh.elements.map((element, i) => {
    const u: ElementDisplacements = [
      displacements[2 * i]!,
      displacements[2 * i + 1]!,
      displacements[2 * i + 2]!,
      displacements[2 * i + 3]!,
    ];
    return { ...element, u, endForces: elementEndForces(mesh.EI, element.length, element.loads, u) };
  });

  const reactions: Reaction[] = mesh.supports.map(({ support, node }) => {
    // The support supplies what the node lacks for equilibrium:
    // the forces the node applies to its elements, minus the loads on the node.
    const left = elements[node - 1]?.endForces;
    const right = elements[node]?.endForces;
    const force = (left?.[2] ?? 0) + (right?.[0] ?? 0) + mesh.nodalForces[node]!;
    const moment = restrainsRotation(support) ? (left?.[3] ?? 0) + (right?.[1] ?? 0) - mesh.nodalMoments[node]! : 0;
    return { support, x: mesh.nodes[node]!, force, moment };
  });

  const start = mesh.nodes[0]!;
  const end = mesh.nodes[mesh.nodes.length - 1]!;
  const sampleIntervals = options.sampleIntervals ?? 100;
  const samples: BeamSample[] = [];
  for (const e of elements) {
    const at = (s: number, side: Side) => elementFieldsAt(mesh.EI, e.loads, e.u, e.endForces, s, side);
    // Between two breakpoints every field is one smooth polynomial: sample it
    // evenly, add its exact extremes, and evaluate its ends from the inside,
    // so a jump at a breakpoint shows as two samples at one x.
    for (let b = 0; b + 1 < e.breakpoints.length; b++) {
      const from = e.breakpoints[b]!;
      const to = e.breakpoints[b + 1]!;
      const intervals = Math.max(4, Math.ceil((sampleIntervals * (to - from)) / (end - start)));
      const grid = Array.from({ length: intervals + 1 }, (_, k) => (k === intervals ? to : from + ((to - from) * k) / intervals));
      const inside = (s: number) => at(s, s === to ? "left" : "right");
      const extremes = [
        ...findRoots((s) => inside(s).V, grid), // M is extreme where V = 0
        ...findRoots((s) => inside(s).slope, grid), // w is extreme where its slope is 0
        ...findRoots((s) => inside(s).q, grid), // V is extreme where q = 0
      ].filter((s) => grid.every((g) => Math.abs(g - s) > 1e-9 * e.length)); // a root on a grid point is that sample
      for (const s of [...grid, ...extremes].sort((p, q) => p - q)) {
        const { V, M, w } = inside(s);
        samples.push({ x: s === e.length ? e.x2 : e.x1 + s, V, M, w });
      }
    }
  }

  return {
    start,
    end,
    reactions,
    samples,
    maxMoment: largestMagnitude(samples, "M"),
    maxShear: largestMagnitude(samples, "V"),
    maxDeflection: largestMagnitude(samples, "w"),
  };
}

/**
 * A prismatic beam without hinges is stable exactly when it has two vertical
 * restraints, or one vertical and one rotational restraint. Checking that
 * first gives the engineer a precise sentence; the pivot test in the solve
 * stays as the backstop.
 */
function requireEnoughSupports(mesh: BeamMesh): void {
  const [only] = mesh.supports;
  if (only === undefined) {
    throw new UnstableStructureError(
      "The beam is a mechanism: it has no supports, so nothing holds it in place. Add a support: two pinned or roller supports, or one fixed support for a cantilever.",
    );
  }
  if (mesh.supports.length === 1 && !restrainsRotation(only.support)) {
    throw new UnstableStructureError(
      `The beam is a mechanism: it can rotate freely about its only support at x = ${metres(mesh.nodes[only.node]!)}. Add a second support, or make this one fixed.`,
    );
  }
}

function restrainsRotation(support: Support): boolean {
  return support.type === "fixed" || (support.type === "spring" && (support.rotationalStiffness ?? 0) > 0);
}

/** Nodal displacements [v0, θ0, v1, θ1, …] (m, rad; v upward). */
function solveDisplacements(mesh: BeamMesh): Float64Array {
  const dofCount = 2 * mesh.nodes.length;
  const restrained = new Array<boolean>(dofCount).fill(false);
  for (const { support, node } of mesh.supports) {
    if (support.type === "spring") continue;
    restrained[2 * node] = true;
    if (support.type === "fixed") restrained[2 * node + 1] = true;
  }
  // Free DOFs keep their node-by-node order, so the half bandwidth stays 3.
  const freeIndex: number[] = [];
  let freeCount = 0;
  for (let dof = 0; dof < dofCount; dof++) freeIndex.push(restrained[dof] ? -1 : freeCount++);

  const K = createBandMatrix(freeCount, 3);
  const f = new Array<number>(freeCount).fill(0);
  const addLoad = (dof: number, value: number) => {
    const r = freeIndex[dof]!;
    if (r >= 0) f[r]! += value;
  };

  mesh.elements.forEach((element, i) => {
    const k = elementStiffness(mesh.EI, element.length);
    // The consistent nodal loads are the negated fixed-end forces.
    const fixed = fixedEndForces(element.length, element.loads);
    for (let a = 0; a < 4; a++) {
      addLoad(2 * i + a, -fixed[a]!);
      for (let b = 0; b < 4; b++) {
        const ra = freeIndex[2 * i + a]!;
        const rb = freeIndex[2 * i + b]!;
        if (ra >= 0 && rb >= 0 && ra <= rb) addToBand(K, ra, rb, k[a]![b]!);
      }
    }
  });
  mesh.nodalForces.forEach((force, node) => addLoad(2 * node, -force));
  mesh.nodalMoments.forEach((moment, node) => addLoad(2 * node + 1, moment));
  for (const { support, node } of mesh.supports) {
    if (support.type !== "spring") continue;
    addToBand(K, freeIndex[2 * node]!, freeIndex[2 * node]!, support.stiffness);
    addToBand(K, freeIndex[2 * node + 1]!, freeIndex[2 * node + 1]!, support.rotationalStiffness ?? 0);
  }

  const result = solveBandedSystem(K, f);
  if ("singularAt" in result) {
    const dof = freeIndex.indexOf(result.singularAt);
    throw new UnstableStructureError(
      `The beam is a mechanism: nothing holds it near x = ${metres(mesh.nodes[Math.floor(dof / 2)]!)} (its stiffness matrix is singular). Add a support, or make the springs stiffer.`,
    );
  }
  const u = new Float64Array(dofCount);
  freeIndex.forEach((r, dof) => {
    if (r >= 0) u[dof] = result.solution[r]!;
  });
  return u;
}

function largestMagnitude(samples: readonly BeamSample[], field: "V" | "M" | "w"): Extreme {
  let best: Extreme = { value: 0, x: samples[0]?.x ?? 0 };
  for (const sample of samples) {
    if (Math.abs(sample[field]) > Math.abs(best.value)) best = { value: sample[field], x: sample.x };
  }
  return best;
}
