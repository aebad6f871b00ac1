/**
 * @internal Loads on an element as Macaulay (singularity) terms, so that the
 * load, shear, moment and both integrals of the moment are one formula each,
 * exact for any mix of point forces, point moments and linear loads.
 *
 * A term adds `coefficient · ⟨s − at⟩ⁿ / n!` to the load intensity q(s)
 * (downward positive, s measured from the element start), where ⟨x⟩ⁿ is 0
 * for x < 0 and xⁿ otherwise. The power n says what the term is:
 *   n = −2  a point moment of `coefficient` kNm, counter-clockwise positive
 *   n = −1  a point force of `coefficient` kN (a Dirac spike in q)
 *   n =  0  a distributed load stepping up by `coefficient` kN/m
 *   n =  1  a distributed load growing by `coefficient` kN/m per m
 * A linear load from a to b is four terms: a step and a ramp at a, and the
 * opposite step and ramp at b.
 */
export interface LoadTerm {
  /** Position from the element start in m. */
  readonly at: number;
  readonly power: -2 | -1 | 0 | 1;
  readonly coefficient: number;
}

/**
 * @internal Which side of a point action at exactly `s` to take: "left"
 * excludes it (the end of the part before it), "right" includes it.
 */
export type Side = "left" | "right";

/**
 * @internal The `integrals`-fold integral from 0 to s of the load intensity:
 *   0  q(s), the intensity (kN/m)
 *   1  the total load on [0, s] (kN)
 *   2  its moment about s, which is what the loads take off M(s) (kNm)
 *   3, 4  the first and second integral of that moment (kNm², kNm³),
 *         which is what the loads take off EI·θ(s) and EI·v(s).
 */
export function integrateLoads(terms: readonly LoadTerm[], integrals: 0 | 1 | 2 | 3 | 4, s: number, side: Side): number {
  let sum = 0;
  for (const term of terms) {
    const power = term.power + integrals;
    const x = s - term.at;
    if (power < 0 || x < 0) continue; // a spike away from its point, or not reached yet
    if (x === 0) {
      if (power === 0 && side === "right") sum += term.coefficient; // the step at the point itself
      continue;
    }
    sum += (term.coefficient * x ** power) / FACTORIAL[power]!;
  }
  return sum;
}

const FACTORIAL = [1, 1, 2, 6, 24, 120];
