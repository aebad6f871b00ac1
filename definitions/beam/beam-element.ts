/**
 * @internal One Euler–Bernoulli beam element between two nodes, carrying any
 * loads inside it (point forces, point moments, linear loads; ./load-terms.ts).
 *
 * Inside the solver the degrees of freedom follow the mathematical convention
 * (v upward, θ = dv/dx counter-clockwise), which keeps the stiffness matrix
 * in its textbook form; only the public fields turn it into w = −v.
 * Per node the DOFs are [v, θ]; per element [v1, θ1, v2, θ2].
 * End forces S are the forces the nodes apply to the element, in the same
 * order and directions (upward kN, counter-clockwise kNm).
 */
import { integrateLoads } from "./load-terms";
import type { LoadTerm, Side } from "./load-terms";

/** @internal End displacements of one element: [v1, θ1, v2, θ2] (m, rad). */
export type ElementDisplacements = readonly [number, number, number, number];

/** @internal Four end forces or four nodal loads, in DOF order. */
export type ElementVector = [number, number, number, number];

/**
 * @internal The 4×4 element stiffness matrix (kN/m, kN, kNm per unit DOF),
 * rows and columns in DOF order.
 */
export function elementStiffness(EI: number, L: number): number[][] {
  const a = (12 * EI) / L ** 3;
  const b = (6 * EI) / L ** 2;
  const c = (4 * EI) / L;
  const d = (2 * EI) / L;
  return [
    [a, b, -a, b],
    [b, c, -b, d],
    [-a, -b, a, -b],
    [b, d, -b, c],
  ];
}

/**
 * @internal The end forces of the element clamped at both ends (u = 0) under
 * its loads. Their negatives are the consistent nodal loads, which make the
 * nodal displacements exact for any load inside the element. S1 and S2 come
 * from asking the clamped element's deflection (integrated from its start,
 * see `elementFieldsAt`) to return to θ = 0 and v = 0 at its end:
 *   −S2·L + S1·L²/2 = m₁(L),  −S2·L²/2 + S1·L³/6 = m₂(L),
 * with m₁, m₂ the first and second integrals of the loads' moment.
 */
export function fixedEndForces(L: number, loads: readonly LoadTerm[]): ElementVector {
  const m1 = integrateLoads(loads, 3, L, "left");
  const m2 = integrateLoads(loads, 4, L, "left");
  const S1 = (6 * m1) / L ** 2 - (12 * m2) / L ** 3;
  const S2 = (2 * m1) / L - (6 * m2) / L ** 2;
  return closeByEquilibrium(L, loads, S1, S2);
}

/**
 * @internal The end forces under the loads and the nodal displacements:
 * S = k·u + S_fixed. Only S1 and S2 come from the stiffness; S3 and S4
 * follow from the element's own equilibrium, so every element balances its
 * loads to rounding and the reactions do too. The stiffness part is written on
 * the difference v1 − v2, so a rigid-body motion gives exactly 0.
 */
export function elementEndForces(EI: number, L: number, loads: readonly LoadTerm[], [v1, t1, v2, t2]: ElementDisplacements): ElementVector {
  const [fixed1, fixed2] = fixedEndForces(L, loads);
  const S1 = (EI / L ** 3) * (12 * (v1 - v2) + 6 * L * (t1 + t2)) + fixed1;
  const S2 = (EI / L ** 2) * (6 * (v1 - v2) + L * (4 * t1 + 2 * t2)) + fixed2;
  return closeByEquilibrium(L, loads, S1, S2);
}

/** S3 = total load − S1 (vertical equilibrium); S4 = M at the end (moment equilibrium). */
function closeByEquilibrium(L: number, loads: readonly LoadTerm[], S1: number, S2: number): ElementVector {
  const S3 = integrateLoads(loads, 1, L, "left") - S1;
  const S4 = -S2 + S1 * L - integrateLoads(loads, 2, L, "left");
  return [S1, S2, S3, S4];
}

/** @internal The fields at one point of an element, in the public sign convention. */
export interface ElementFields {
  /** Shear in kN. */
  readonly V: number;
  /** Moment in kNm, sagging positive. */
  readonly M: number;
  /** Deflection in m, downward positive. */
  readonly w: number;
  /** Slope dw/dx: zero where w has an extreme. */
  readonly slope: number;
  /** Load intensity in kN/m, downward positive: zero where V has an extreme. */
  readonly q: number;
}

/**
 * @internal V, M and w at distance `s` from the element start (on the given
 * side of a point action at exactly s), exact for its loads: V and M by
 * statics of the part [0, s] (the start end forces and the loads on it); w by
 * integrating EI·v'' = M twice from the start node's v and θ. No shape
 * function enters, so the fields are exact polynomials between load points.
 */
export function elementFieldsAt(
  EI: number,
  loads: readonly LoadTerm[],
  [v1, t1]: ElementDisplacements,
  [S1, S2]: ElementVector,
  s: number,
  side: Side,
): ElementFields {
  const V = S1 - integrateLoads(loads, 1, s, side);
  const M = -S2 + S1 * s - integrateLoads(loads, 2, s, side);
  const theta = t1 + (-S2 * s + (S1 * s * s) / 2 - integrateLoads(loads, 3, s, side)) / EI;
  const v = v1 + t1 * s + ((-S2 * s * s) / 2 + (S1 * s ** 3) / 6 - integrateLoads(loads, 4, s, side)) / EI;
  return { V, M, w: -v, slope: -theta, q: integrateLoads(loads, 0, s, side) };
}
