/**
 * @internal A symmetric band matrix: `band[i][d]` is K[i][i + d] for
 * 0 ≤ d ≤ halfBandwidth (the upper half; the lower half is its mirror).
 * A beam numbered node by node has a half bandwidth of 3, so storage and work
 * grow linearly with the number of nodes instead of with its square or cube.
 */
export interface BandMatrix {
  readonly size: number;
  readonly halfBandwidth: number;
  readonly band: Float64Array[];
}

/** @internal An all-zero band matrix. */
export function createBandMatrix(size: number, halfBandwidth: number): BandMatrix {
  return { size, halfBandwidth, band: Array.from({ length: size }, () => new Float64Array(halfBandwidth + 1)) };
}

/** @internal Adds `value` to K[i][j] (and so to K[j][i]); only call with |i − j| ≤ halfBandwidth. */
export function addToBand(matrix: BandMatrix, i: number, j: number, value: number): void {
  const row = Math.min(i, j);
  matrix.band[row]![Math.abs(i - j)]! += value;
}

/**
 * A pivot this small relative to its diagonal entry means the matrix is
 * singular to working precision: the structure is a mechanism. Dividing by the
 * diagonal makes the test independent of units (translations and rotations
 * have stiffnesses of very different size). Measured: the smallest ratio over
 * 20 000 random stable beams (solver.test.ts generator) was 1.9e-9, and 9e-12
 * for beams on springs 2000 times softer than the beam; a pinned beam whose
 * other support is a 1e-12 kN/m spring (a mechanism in all but name) gives
 * 3e-15, and a true mechanism rounding noise around ±1e-16.
 */
const SINGULAR_PIVOT = 1e-12;

/**
 * @internal Solves K·u = f by band Cholesky (K = Uᵀ·U). Returns the index of
 * the first DOF with no stiffness left instead of a solution when K is not
 * positive definite: for a stiffness matrix, that is a mechanism.
 *
 * Tried and dropped: one step of iterative refinement. It did not reduce the
 * equilibrium error of the reactions (the rounding of the displacements sets
 * it, not the factorisation), so it was not worth its code.
 */
export function solveBandedSystem(
  matrix: BandMatrix,
  f: readonly number[],
): { readonly solution: Float64Array } | { readonly singularAt: number } {
  const { size: n, halfBandwidth: p, band: K } = matrix;
  const U = Array.from({ length: n }, () => new Float64Array(p + 1));

  for (let i = 0; i < n; i++) {
    let pivot = K[i]![0]!;
    for (let k = Math.max(0, i - p); k < i; k++) pivot -= U[k]![i - k]! ** 2;
    if (!(pivot > SINGULAR_PIVOT * K[i]![0]!)) return { singularAt: i };
    const diagonal = Math.sqrt(pivot);
    U[i]![0] = diagonal;
    for (let j = i + 1; j <= Math.min(n - 1, i + p); j++) {
      let sum = K[i]![j - i]!;
      for (let k = Math.max(0, j - p); k < i; k++) sum -= U[k]![i - k]! * U[k]![j - k]!;
      U[i]![j - i] = sum / diagonal;
    }
  }

  // Uᵀ·y = f, then U·u = y.
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = f[i]!;
    for (let k = Math.max(0, i - p); k < i; k++) sum -= U[k]![i - k]! * y[k]!;
    y[i] = sum / U[i]![0]!;
  }
  const u = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let j = i + 1; j <= Math.min(n - 1, i + p); j++) sum -= U[i]![j - i]! * u[j]!;
    u[i] = sum / U[i]![0]!;
  }
  return { solution: u };
}
