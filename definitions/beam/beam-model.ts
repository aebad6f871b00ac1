/**
 * The words and shapes of the beam analysis. Pure data: no behaviour here.
 *
 * Glossary
 * - beam: one straight, prismatic Euler–Bernoulli member along the x axis,
 *   from its first node to its last node, with one bending stiffness E·I.
 * - node: a point where the solver keeps unknowns (deflection and rotation):
 *   the beam's two ends and every support. The caller's `nodes` input names
 *   the ends (its outermost two); the positions between become samples, not
 *   nodes, since they cannot change an exact solution (see mesh-beam.ts).
 * - element: the part of the beam between two neighbouring nodes. Loads may
 *   sit anywhere on an element, and the results are exact regardless.
 * - support: a restraint at a position: `fixed` (deflection and rotation),
 *   `pinned` or `roller` (deflection only: in a beam without axial DOFs the
 *   two are the same), or `spring` (elastic).
 * - reaction: the force and moment a support applies to the beam.
 * - load point: where a point force or moment acts or a distributed load
 *   starts or ends. Between two load points, nodes or caller-named positions,
 *   V, M and w are each one smooth polynomial.
 * - sample: V, M and w at one position, for plotting and for the checks.
 *
 * Units (SI, consistent, so no factor hides anywhere): length m, force kN,
 * moment kNm, distributed load kN/m, E in kN/m² (1 MPa = 1000 kN/m²),
 * I in m⁴ (1 cm⁴ = 1e-8 m⁴), spring stiffness kN/m and kNm/rad.
 *
 * Sign convention (x to the right, the usual engineering drawing)
 * - Loads: a point force `force` and a distributed load `q` are positive
 *   downward (gravity). A point moment is positive counter-clockwise.
 * - Reactions: force positive upward, moment positive counter-clockwise;
 *   so for gravity loads the sum of reaction forces equals the total load.
 * - Deflection w: positive downward (a sagging beam has w > 0).
 * - Bending moment M: sagging positive (tension at the bottom fibre), so a
 *   simply supported beam under gravity has M > 0 and a cantilever M < 0.
 * - Shear V: V = dM/dx, which is the sum of the upward forces left of the
 *   section. A simply supported beam with a central load has V = +P/2 on the
 *   left half and −P/2 on the right half.
 */

/**
 * A restraint at one position `x` (m) on the beam:
 * - `fixed` restrains deflection and rotation (a clamped end);
 * - `pinned` and `roller` restrain deflection only (the same in a beam model);
 * - `spring` is elastic: `stiffness` in kN/m (> 0), `rotationalStiffness`
 *   in kNm/rad (default 0).
 */
export type Support =
  | { readonly type: "fixed"; readonly x: number }
  | { readonly type: "pinned"; readonly x: number }
  | { readonly type: "roller"; readonly x: number }
  | { readonly type: "spring"; readonly x: number; readonly stiffness: number; readonly rotationalStiffness?: number };

export type SupportType = Support["type"];

/** A concentrated force. `x` in m, `force` in kN, downward positive. */
export interface PointLoad {
  readonly x: number;
  readonly force: number;
}

/** A concentrated moment. `x` in m, `moment` in kNm, counter-clockwise positive. */
export interface PointMoment {
  readonly x: number;
  readonly moment: number;
}

/**
 * A distributed load varying linearly from `q1` at `x1` to `q2` at `x2`
 * (kN/m, downward positive; `q2` defaults to `q1`, a uniform load). Requires x1 < x2.
 */
export interface DistributedLoad {
  readonly x1: number;
  readonly x2: number;
  readonly q1: number;
  readonly q2?: number;
}

/** Everything `solveBeam` needs. All units per the header of this file. */
export interface BeamInput {
  /**
   * Positions in m, any order, at least two, all distinct. The beam runs from
   * the smallest to the largest; the ones between are sampled exactly.
   */
  readonly nodes: readonly number[];
  /** Young's modulus in kN/m² (steel: 210000 MPa = 2.1e8 kN/m²). */
  readonly E: number;
  /** Second moment of area about the bending axis in m⁴ (IPE 300: 8356 cm⁴ = 8.356e-5 m⁴). */
  readonly I: number;
  /** Supports; positions must lie on the beam and differ from each other. */
  readonly supports: readonly Support[];
  /** Default none. */
  readonly pointLoads?: readonly PointLoad[];
  /** Default none. */
  readonly pointMoments?: readonly PointMoment[];
  /** Default none. */
  readonly distributedLoads?: readonly DistributedLoad[];
  /** Self-weight in kN/m, downward positive, over the whole beam. Default 0. */
  readonly selfWeight?: number;
}

/** How densely the fields are sampled. */
export interface SolveOptions {
  /**
   * About how many sample intervals over the whole beam; each stretch between
   * two load points, nodes or caller-named positions gets its share by length but
   * never fewer than 4. Default 100. Extremes are found exactly whatever this
   * is (see `BeamResult.samples`).
   */
  readonly sampleIntervals?: number;
}

/** What one support applies to the beam. */
export interface Reaction {
  /** The support as given, so the caller can match by position or index. */
  readonly support: Support;
  /** Position in m. */
  readonly x: number;
  /** Vertical force in kN, upward positive. */
  readonly force: number;
  /** Moment in kNm, counter-clockwise positive; 0 where rotation is free. */
  readonly moment: number;
}

/** The internal forces and the deflection at one position. */
export interface BeamSample {
  /** Position in m. */
  readonly x: number;
  /** Shear force in kN (V = dM/dx). */
  readonly V: number;
  /** Bending moment in kNm, sagging positive. */
  readonly M: number;
  /** Deflection in m, downward positive. */
  readonly w: number;
}

/** The largest magnitude of a field and where it occurs (the leftmost if tied). */
export interface Extreme {
  /** The signed value whose absolute value is largest (kN, kNm or m). */
  readonly value: number;
  /** Position in m. */
  readonly x: number;
}

/** The result of `solveBeam`. */
export interface BeamResult {
  /** Beam start and end in m (the smallest and largest node). */
  readonly start: number;
  readonly end: number;
  /** One per support, in the order the supports were given. */
  readonly reactions: readonly Reaction[];
  /**
   * Samples sorted by x: the beam ends, every node, support, load point and
   * load end, evenly spaced points, and the exact positions of the extremes
   * (where V = 0, dw/dx = 0 or q = 0). At each of those inner positions there
   * are two samples with the same x, the value just left then just right, so
   * a jump in V (point load, support) or in M (point moment) shows as a
   * vertical step.
   */
  readonly samples: readonly BeamSample[];
  /** Largest |M| (kNm). */
  readonly maxMoment: Extreme;
  /** Largest |V| (kN). */
  readonly maxShear: Extreme;
  /** Largest |w| (m). */
  readonly maxDeflection: Extreme;
}
