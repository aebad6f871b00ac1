import type { BeamInput, Support } from "./beam-model";
import { InvalidBeamError, metres } from "./beam-errors";
import type { LoadTerm } from "./load-terms";

/** @internal One element: from node i to node i + 1, with the loads inside it. */
export interface MeshElement {
  /** Start and end in m. */
  readonly x1: number;
  readonly x2: number;
  readonly length: number;
  /** Loads strictly inside the element (point actions) or on it (distributed), positions from x1. */
  readonly loads: readonly LoadTerm[];
  /**
   * Positions from x1, ascending, from 0 to `length`, where a field may have
   * a kink or a jump (load points, load ends) or the caller asked for a node:
   * the fields are one smooth polynomial between two neighbours.
   */
  readonly breakpoints: readonly number[];
}

/** @internal A support placed on a node. */
export interface MeshSupport {
  readonly support: Support;
  readonly node: number;
}

/** @internal The validated beam, cut into elements at its ends and supports. */
export interface BeamMesh {
  /** Node positions in m, ascending: the beam ends and the supports. */
  readonly nodes: readonly number[];
  /** `elements[i]` joins `nodes[i]` and `nodes[i + 1]`. */
  readonly elements: readonly MeshElement[];
  /** Point forces on each node in kN, downward positive. */
  readonly nodalForces: readonly number[];
  /** Point moments on each node in kNm, counter-clockwise positive. */
  readonly nodalMoments: readonly number[];
  readonly supports: readonly MeshSupport[];
  /** Bending stiffness in kNm². */
  readonly EI: number;
}

/**
 * Positions closer than this fraction of the beam length are one position.
 * It absorbs typing and rounding noise: a load at 2.9999999999 m acts on the
 * support at 3 m, not a hair inside the neighbouring element.
 */
const SAME_POSITION = 1e-9;

/**
 * @internal Checks the input and cuts the beam into elements at its ends and
 * supports only. Loads inside an element stay there as load terms and reach
 * the nodes as exact fixed-end forces, so nothing is lost by not cutting.
 *
 * Why not cut at every load point, the textbook way: a load typed a hair off
 * a node (3.0001 m on a 6 m beam) then makes an element 10⁻⁵ of the beam
 * long. Its stiffness grows with 1/length³, it swamps the others in the
 * assembled matrix, and the solve loses every digit: measured, that beam
 * was reported as a mechanism, and at 10⁻⁴ its reactions were off by 1e-5.
 * The caller's interior nodes are not cut at either, for the same reason
 * (they cannot change an exact solution); they become sample positions.
 * @throws InvalidBeamError with a message that names the offending item.
 */
export function meshBeam(input: BeamInput): BeamMesh {
  const pointLoads = input.pointLoads ?? [];
  const pointMoments = input.pointMoments ?? [];
  const distributedLoads = input.distributedLoads ?? [];
  const selfWeight = input.selfWeight ?? 0;

  requireFinite("E", input.E);
  requireFinite("I", input.I);
  requireFinite("Self-weight", selfWeight);
  input.nodes.forEach((x, i) => requireFinite(`Node ${i + 1}`, x));
  input.supports.forEach((s, i) => {
    requireFinite(`Support ${i + 1} position`, s.x);
    if (s.type === "spring") {
      requireFinite(`Support ${i + 1} stiffness`, s.stiffness);
      requireFinite(`Support ${i + 1} rotational stiffness`, s.rotationalStiffness ?? 0);
    }
  });
  pointLoads.forEach((p, i) => {
    requireFinite(`Point load ${i + 1} position`, p.x);
    requireFinite(`Point load ${i + 1} force`, p.force);
  });
  pointMoments.forEach((p, i) => {
    requireFinite(`Point moment ${i + 1} position`, p.x);
    requireFinite(`Point moment ${i + 1} moment`, p.moment);
  });
  distributedLoads.forEach((d, i) => {
    requireFinite(`Distributed load ${i + 1} start`, d.x1);
    requireFinite(`Distributed load ${i + 1} end`, d.x2);
    requireFinite(`Distributed load ${i + 1} q1`, d.q1);
    requireFinite(`Distributed load ${i + 1} q2`, d.q2 ?? d.q1);
  });

  if (input.nodes.length < 2) {
    throw new InvalidBeamError("too-few-nodes", `A beam needs at least two nodes (its two ends); got ${input.nodes.length}.`);
  }
  if (!(input.E > 0) || !(input.I > 0)) {
    throw new InvalidBeamError("non-positive-stiffness", `E and I must be positive; got E = ${input.E} kN/m² and I = ${input.I} m⁴.`);
  }

  const userNodes = [...input.nodes].sort((a, b) => a - b);
  const start = userNodes[0]!;
  const end = userNodes[userNodes.length - 1]!;
  const tolerance = SAME_POSITION * (end - start);
  for (let i = 1; i < userNodes.length; i++) {
    if (userNodes[i]! - userNodes[i - 1]! <= tolerance) {
      throw new InvalidBeamError(
        "zero-length-element",
        `Two nodes are at x = ${metres(userNodes[i]!)}: an element of zero length cannot be analysed. Remove one of them.`,
      );
    }
  }

  const requireOnBeam = (what: string, x: number) => {
    if (x < start - tolerance || x > end + tolerance) {
      throw new InvalidBeamError("outside-beam", `${what} is at x = ${metres(x)}, outside the beam (${metres(start)} to ${metres(end)}).`);
    }
  };
  input.supports.forEach((s, i) => requireOnBeam(`Support ${i + 1}`, s.x));
  pointLoads.forEach((p, i) => requireOnBeam(`Point load ${i + 1}`, p.x));
  pointMoments.forEach((p, i) => requireOnBeam(`Point moment ${i + 1}`, p.x));
  distributedLoads.forEach((d, i) => {
    requireOnBeam(`The start of distributed load ${i + 1}`, d.x1);
    requireOnBeam(`The end of distributed load ${i + 1}`, d.x2);
    if (!(d.x2 - d.x1 > tolerance)) {
      throw new InvalidBeamError(
        "empty-distributed-load",
        `Distributed load ${i + 1} runs from ${metres(d.x1)} to ${metres(d.x2)}: its end x2 must be greater than its start x1.`,
      );
    }
  });
  input.supports.forEach((s, i) => {
    if (s.type !== "spring") return;
    if (!(s.stiffness > 0) || (s.rotationalStiffness ?? 0) < 0) {
      throw new InvalidBeamError(
        "non-positive-spring",
        `Spring support ${i + 1} needs a stiffness above 0 kN/m and a rotational stiffness of at least 0 kNm/rad.`,
      );
    }
  });

  const clamp = (x: number) => Math.min(end, Math.max(start, x));
  const nodes = mergeClosePositions([start, end, ...input.supports.map((s) => clamp(s.x))], tolerance);
  const nodeNear = (x: number): number | undefined => {
    const i = nearestIndex(nodes, clamp(x));
    return Math.abs(nodes[i]! - x) <= tolerance ? i : undefined;
  };

  const supports = input.supports.map((support) => ({ support, node: nearestIndex(nodes, clamp(support.x)) }));
  const seen = new Map<number, number>();
  supports.forEach(({ node }, i) => {
    const other = seen.get(node);
    if (other !== undefined) {
      throw new InvalidBeamError(
        "duplicate-support",
        `Supports ${other + 1} and ${i + 1} are both at x = ${metres(nodes[node]!)}. Keep one (a fixed support already restrains deflection).`,
      );
    }
    seen.set(node, i);
  });

  // A point action on a node is a nodal load (at a support it goes straight
  // into the reaction); anywhere else it is a load term of its element.
  const nodalForces = nodes.map(() => 0);
  const nodalMoments = nodes.map(() => 0);
  const elementLoads: LoadTerm[][] = nodes.slice(1).map(() => []);
  const elementBreakpoints: number[][] = nodes.slice(1).map(() => []);
  const elementContaining = (x: number) => Math.min(nodes.length - 2, indexAtOrBefore(nodes, x));
  const addPointAction = (x: number, power: -2 | -1, value: number) => {
    const node = nodeNear(x);
    if (node !== undefined) {
      (power === -1 ? nodalForces : nodalMoments)[node]! += value;
      return;
    }
    const e = elementContaining(x);
    elementLoads[e]!.push({ at: x - nodes[e]!, power, coefficient: value });
    elementBreakpoints[e]!.push(x - nodes[e]!);
  };
  for (const p of pointLoads) addPointAction(clamp(p.x), -1, p.force);
  for (const p of pointMoments) addPointAction(clamp(p.x), -2, p.moment);

  const linearLoads = [
    ...distributedLoads.map((d) => ({ x1: clamp(d.x1), x2: clamp(d.x2), q1: d.q1, q2: d.q2 ?? d.q1 })),
    { x1: start, x2: end, q1: selfWeight, q2: selfWeight },
  ];
  for (const d of linearLoads) {
    if (d.q1 === 0 && d.q2 === 0) continue;
    const slope = (d.q2 - d.q1) / (d.x2 - d.x1);
    for (let e = 0; e + 1 < nodes.length; e++) {
      const from = Math.max(d.x1, nodes[e]!);
      const to = Math.min(d.x2, nodes[e + 1]!);
      if (to - from <= tolerance) continue;
      const a = from - nodes[e]!;
      const b = to - nodes[e]!;
      const loads = elementLoads[e]!;
      loads.push({ at: a, power: 0, coefficient: d.q1 + slope * (from - d.x1) }, { at: a, power: 1, coefficient: slope });
      if (to < nodes[e + 1]! - tolerance) {
        loads.push({ at: b, power: 0, coefficient: -(d.q1 + slope * (to - d.x1)) }, { at: b, power: 1, coefficient: -slope });
      }
      elementBreakpoints[e]!.push(a, b);
    }
  }
  for (const x of userNodes) {
    const e = elementContaining(x);
    elementBreakpoints[e]!.push(x - nodes[e]!);
  }

  const elements = nodes.slice(1).map((x2, e): MeshElement => {
    const x1 = nodes[e]!;
    const length = x2 - x1;
    const inside = elementBreakpoints[e]!.filter((s) => s > tolerance && s < length - tolerance);
    return { x1, x2, length, loads: elementLoads[e]!, breakpoints: [0, ...mergeClosePositions(inside, tolerance), length] };
  });

  return { nodes, elements, nodalForces, nodalMoments, supports, EI: input.E * input.I };
}

function requireFinite(what: string, value: number) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidBeamError("not-a-number", `${what} must be a finite number; got ${String(value)}.`);
  }
}

/** Sorted positions with near-duplicates (closer than `tolerance`) merged into the first. */
function mergeClosePositions(positions: readonly number[], tolerance: number): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const merged: number[] = [];
  for (const x of sorted) {
    if (merged.length === 0 || x - merged[merged.length - 1]! > tolerance) merged.push(x);
  }
  return merged;
}

/** Index of the last of the sorted `positions` at or before `x` (0 if none). */
function indexAtOrBefore(positions: readonly number[], x: number): number {
  let low = 0;
  let high = positions.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (positions[middle]! <= x) low = middle;
    else high = middle;
  }
  return low;
}

/** Index of the sorted `positions` entry nearest to `x`. */
function nearestIndex(positions: readonly number[], x: number): number {
  const before = indexAtOrBefore(positions, x);
  const after = Math.min(before + 1, positions.length - 1);
  return Math.abs(positions[after]! - x) < Math.abs(positions[before]! - x) ? after : before;
}
