/**
 * @internal Where `f` crosses zero inside the open interval spanned by the
 * ascending `grid`: each sign change between neighbouring grid points is
 * refined by bisection to full double precision.
 *
 * Used on low-degree polynomials (V quadratic, slope quartic, q linear)
 * between two load points, over a grid of at least four intervals. A pair of
 * roots inside one grid interval has no sign change and is missed; the
 * samples then still bound that extreme closely. It takes two extremes of one
 * field within a quarter of the stretch between two load points, which the
 * loads of a beam hardly make.
 */
export function findRoots(f: (s: number) => number, grid: readonly number[]): number[] {
  const roots: number[] = [];
  for (let i = 0; i + 1 < grid.length; i++) {
    let a = grid[i]!;
    let b = grid[i + 1]!;
    let fa = f(a);
    const fb = f(b);
    // A zero on a grid point is already a sample; only strict crossings matter.
    if (fa === 0 || fb === 0 || Math.sign(fa) === Math.sign(fb)) continue;
    for (;;) {
      const middle = (a + b) / 2;
      if (middle <= a || middle >= b) break; // a and b are adjacent doubles
      const fm = f(middle);
      if (fm === 0) {
        a = b = middle;
        break;
      }
      if (Math.sign(fm) === Math.sign(fa)) {
        a = middle;
        fa = fm;
      } else {
        b = middle;
      }
    }
    roots.push((a + b) / 2);
  }
  return roots;
}
