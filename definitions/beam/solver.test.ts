import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InvalidBeamError, UnstableStructureError, solveBeam } from "./solver";
import type { BeamInput, BeamResult, DistributedLoad, PointLoad, PointMoment, Support } from "./solver";

// An IPE 300 in steel: E = 210000 MPa, Iy = 8356 cm⁴. Any values would do;
// realistic ones keep the deflections in a realistic range.
const E = 2.1e8; // kN/m²
const I = 8.356e-5; // m⁴
const EI = E * I;
const L = 6; // m
const P = 50; // kN
const q = 10; // kN/m

/** Closed-form results must be met to this relative error (the brief's bar). */
const EXACT = 1e-6;

function expectClose(actual: number, expected: number, what: string, tolerance = EXACT) {
  expect(Math.abs(actual - expected), `${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

function samplesAt(result: BeamResult, x: number) {
  return result.samples.filter((s) => Math.abs(s.x - x) < 1e-9);
}

/** The only sample at x, for positions without a jump. */
function sampleAt(result: BeamResult, x: number) {
  const [first] = samplesAt(result, x);
  if (first === undefined) throw new Error(`no sample at x = ${x}`);
  return first;
}

function beam(supports: Support[], loads: Partial<BeamInput> = {}, length = L): BeamResult {
  return solveBeam({ nodes: [0, length], E, I, supports, ...loads });
}

const simplySupported: Support[] = [
  { type: "pinned", x: 0 },
  { type: "roller", x: L },
];

describe("simply supported beam", () => {
  test("central point load: R = P/2, M = PL/4, w = PL³/48EI, V jumps by P", () => {
    const r = beam(simplySupported, { pointLoads: [{ x: L / 2, force: P }] });
    expectClose(r.reactions[0]!.force, P / 2, "left reaction");
    expectClose(r.reactions[1]!.force, P / 2, "right reaction");
    expect(r.reactions.map((reaction) => reaction.moment)).toEqual([0, 0]);
    expectClose(r.maxMoment.value, (P * L) / 4, "max M");
    expectClose(r.maxMoment.x, L / 2, "x of max M");
    expectClose(r.maxDeflection.value, (P * L ** 3) / (48 * EI), "max w");
    expectClose(r.maxDeflection.x, L / 2, "x of max w");
    // Two samples at the load: the end of the left element, then the start of the right one.
    const [left, right] = samplesAt(r, L / 2);
    expectClose(left!.V, P / 2, "V just left of the load");
    expectClose(right!.V, -P / 2, "V just right of the load");
    expectClose(left!.M, right!.M, "M is continuous under a point load");
  });

  test("point load at a third: M = 2PL/9 under the load, max w = PL³(8/9)^1.5/(27√3·EI) at x = L(1 − √(8/27))", () => {
    const r = beam(simplySupported, { pointLoads: [{ x: L / 3, force: P }] });
    expectClose(r.reactions[0]!.force, (2 * P) / 3, "left reaction");
    expectClose(r.reactions[1]!.force, P / 3, "right reaction");
    expectClose(r.maxMoment.value, (2 * P * L) / 9, "max M");
    expectClose(r.maxMoment.x, L / 3, "x of max M");
    const a = L / 3;
    const b = L - a;
    expectClose(sampleAt(r, L / 3).w, (P * a * a * b * b) / (3 * EI * L), "w under the load");
    expectClose(r.maxDeflection.value, (P * L ** 3 * (8 / 9) ** 1.5) / (27 * Math.sqrt(3) * EI), "max w");
    expectClose(r.maxDeflection.x, L * (1 - Math.sqrt(8 / 27)), "x of max w");
  });

  test("uniform load: R = qL/2, M = qL²/8, w = 5qL⁴/384EI", () => {
    const r = beam(simplySupported, { distributedLoads: [{ x1: 0, x2: L, q1: q }] });
    expectClose(r.reactions[0]!.force, (q * L) / 2, "left reaction");
    expectClose(r.reactions[1]!.force, (q * L) / 2, "right reaction");
    expectClose(r.maxMoment.value, (q * L * L) / 8, "max M");
    expectClose(r.maxMoment.x, L / 2, "x of max M");
    expectClose(r.maxShear.value, (q * L) / 2, "max V");
    expectClose(r.maxDeflection.value, (5 * q * L ** 4) / (384 * EI), "max w");
    expectClose(sampleAt(r, L / 2).w, (5 * q * L ** 4) / (384 * EI), "w at midspan");
  });

  test("self-weight acts like a uniform load over the whole beam", () => {
    const r = beam(simplySupported, { selfWeight: q });
    expectClose(r.maxMoment.value, (q * L * L) / 8, "max M");
    expectClose(r.maxDeflection.value, (5 * q * L ** 4) / (384 * EI), "max w");
  });

  test("uniform load on the left half: R = 3qL/8 and qL/8, max M = 9qL²/128 at 3L/8", () => {
    const r = beam(simplySupported, { distributedLoads: [{ x1: 0, x2: L / 2, q1: q }] });
    expectClose(r.reactions[0]!.force, (3 * q * L) / 8, "left reaction");
    expectClose(r.reactions[1]!.force, (q * L) / 8, "right reaction");
    expectClose(r.maxMoment.value, (9 * q * L * L) / 128, "max M");
    expectClose(r.maxMoment.x, (3 * L) / 8, "x of max M");
  });

  test("triangular load 0 → q: R = qL/6 and qL/3, max M = qL²/(9√3) at L/√3, w(x) = qx(7L⁴ − 10L²x² + 3x⁴)/(360EIL)", () => {
    const r = beam(simplySupported, { distributedLoads: [{ x1: 0, x2: L, q1: 0, q2: q }] });
    expectClose(r.reactions[0]!.force, (q * L) / 6, "left reaction");
    expectClose(r.reactions[1]!.force, (q * L) / 3, "right reaction");
    expectClose(r.maxMoment.value, (q * L * L) / (9 * Math.sqrt(3)), "max M");
    expectClose(r.maxMoment.x, L / Math.sqrt(3), "x of max M");
    const w = (x: number) => (q * x * (7 * L ** 4 - 10 * L * L * x * x + 3 * x ** 4)) / (360 * EI * L);
    const xMax = L * Math.sqrt(1 - Math.sqrt(8 / 15)); // where dw/dx = 0
    expectClose(r.maxDeflection.x, xMax, "x of max w");
    expectClose(r.maxDeflection.value, w(xMax), "max w");
    // Everywhere, not only at the peak: relative to the peak, as w → 0 at the supports.
    for (const s of r.samples) expect(Math.abs(s.w - w(s.x))).toBeLessThanOrEqual(EXACT * w(xMax));
  });

  test("counter-clockwise point moment M0 at midspan: R = ±M0/L, M jumps from +M0/2 to −M0/2", () => {
    const M0 = 30;
    const r = beam(simplySupported, { pointMoments: [{ x: L / 2, moment: M0 }] });
    expectClose(r.reactions[0]!.force, M0 / L, "left reaction");
    expectClose(r.reactions[1]!.force, -M0 / L, "right reaction");
    const [left, right] = samplesAt(r, L / 2);
    expectClose(left!.M, M0 / 2, "M just left of the moment");
    expectClose(right!.M, -M0 / 2, "M just right of the moment");
  });

  test("on springs of stiffness k: w = PL³/48EI + P/2k at midspan, reactions still P/2", () => {
    const k = 5000; // kN/m
    const r = beam(
      [
        { type: "spring", x: 0, stiffness: k },
        { type: "spring", x: L, stiffness: k },
      ],
      { pointLoads: [{ x: L / 2, force: P }] },
    );
    expectClose(r.reactions[0]!.force, P / 2, "left reaction");
    expectClose(sampleAt(r, 0).w, P / 2 / k, "spring compression");
    expectClose(r.maxDeflection.value, (P * L ** 3) / (48 * EI) + P / (2 * k), "max w");
  });
});

describe("cantilever fixed at x = 0", () => {
  const cantilever: Support[] = [{ type: "fixed", x: 0 }];

  test("end point load: root M = −PL (hogging), wall moment +PL, tip w = PL³/3EI", () => {
    const r = beam(cantilever, { pointLoads: [{ x: L, force: P }] });
    expectClose(r.reactions[0]!.force, P, "reaction");
    expectClose(r.reactions[0]!.moment, P * L, "wall moment (counter-clockwise)");
    expectClose(r.maxMoment.value, -P * L, "root moment");
    expect(r.maxMoment.x).toBe(0);
    expectClose(r.maxDeflection.value, (P * L ** 3) / (3 * EI), "tip deflection");
    expect(r.maxDeflection.x).toBe(L);
  });

  test("uniform load: root M = −qL²/2, tip w = qL⁴/8EI", () => {
    const r = beam(cantilever, { distributedLoads: [{ x1: 0, x2: L, q1: q }] });
    expectClose(r.reactions[0]!.force, q * L, "reaction");
    expectClose(r.reactions[0]!.moment, (q * L * L) / 2, "wall moment");
    expectClose(r.maxMoment.value, (-q * L * L) / 2, "root moment");
    expectClose(r.maxDeflection.value, (q * L ** 4) / (8 * EI), "tip deflection");
  });
});

describe("statically indeterminate beams", () => {
  test("propped cantilever under a uniform load: prop 3qL/8, root M = −qL²/8, max w at x = L(15 − √33)/16", () => {
    const r = beam(
      [
        { type: "fixed", x: 0 },
        { type: "roller", x: L },
      ],
      { distributedLoads: [{ x1: 0, x2: L, q1: q }] },
    );
    expectClose(r.reactions[1]!.force, (3 * q * L) / 8, "prop reaction");
    expectClose(r.reactions[0]!.force, (5 * q * L) / 8, "wall reaction");
    expectClose(r.reactions[0]!.moment, (q * L * L) / 8, "wall moment");
    expectClose(r.maxMoment.value, (-q * L * L) / 8, "root moment");
    expectClose(sampleAt(r, (5 * L) / 8).M, (9 * q * L * L) / 128, "max sagging moment at 5L/8");
    const w = (x: number) => (q * x * x * (3 * L * L - 5 * L * x + 2 * x * x)) / (48 * EI);
    const xMax = (L * (15 - Math.sqrt(33))) / 16;
    expectClose(r.maxDeflection.x, xMax, "x of max w");
    expectClose(r.maxDeflection.value, w(xMax), "max w");
  });

  test("two equal spans under a uniform load: middle reaction 10qL/8, outer 3qL/8, support M = −qL²/8", () => {
    const r = solveBeam({
      nodes: [0, 2 * L],
      E,
      I,
      supports: [
        { type: "pinned", x: 0 },
        { type: "roller", x: L },
        { type: "roller", x: 2 * L },
      ],
      distributedLoads: [{ x1: 0, x2: 2 * L, q1: q }],
    });
    expectClose(r.reactions[0]!.force, (3 * q * L) / 8, "outer reaction");
    expectClose(r.reactions[1]!.force, (10 * q * L) / 8, "middle reaction");
    expectClose(r.reactions[2]!.force, (3 * q * L) / 8, "outer reaction");
    expectClose(r.maxMoment.value, (-q * L * L) / 8, "support moment");
    expectClose(r.maxMoment.x, L, "x of the support moment");
    expectClose(sampleAt(r, (3 * L) / 8).M, (9 * q * L * L) / 128, "span moment at 3L/8");
    const [left, right] = samplesAt(r, L);
    expectClose(left!.V, (-5 * q * L) / 8, "V left of the middle support");
    expectClose(right!.V, (5 * q * L) / 8, "V right of the middle support");
  });

  test("fixed at both ends under a uniform load: end M = −qL²/12, mid M = qL²/24, w = qL⁴/384EI", () => {
    const r = beam(
      [
        { type: "fixed", x: 0 },
        { type: "fixed", x: L },
      ],
      { distributedLoads: [{ x1: 0, x2: L, q1: q }] },
    );
    expectClose(r.reactions[0]!.force, (q * L) / 2, "left reaction");
    expectClose(r.reactions[0]!.moment, (q * L * L) / 12, "left wall moment (counter-clockwise)");
    expectClose(r.reactions[1]!.moment, (-q * L * L) / 12, "right wall moment (clockwise)");
    expectClose(sampleAt(r, 0).M, (-q * L * L) / 12, "end moment");
    expectClose(sampleAt(r, L / 2).M, (q * L * L) / 24, "midspan moment");
    expectClose(r.maxDeflection.value, (q * L ** 4) / (384 * EI), "max w");
    expectClose(r.maxDeflection.x, L / 2, "x of max w");
  });

  test("a point load 10⁻⁶·L off a node is exact", () => {
    // Regression: the first mesh cut an element at every load point, so this
    // load made a 6 µm element whose stiffness swamped the solve, and the
    // beam was refused as a mechanism.
    const x = L / 2 + 6e-6;
    const r = solveBeam({ nodes: [0, L / 2, L], E, I, supports: simplySupported, pointLoads: [{ x, force: P }] });
    expectClose(r.reactions[0]!.force, (P * (L - x)) / L, "left reaction");
    expectClose(sampleAt(r, x).w, (P * x * x * (L - x) ** 2) / (3 * EI * L), "w under the load");
  });

  test("the result does not depend on extra nodes or their order", () => {
    const loads = { distributedLoads: [{ x1: 0, x2: L, q1: q }], pointLoads: [{ x: 2, force: P }] };
    const coarse = beam(simplySupported, loads);
    const fine = solveBeam({ nodes: [6, 1.5, 0, 4.5, 3], E, I, supports: simplySupported, ...loads });
    expectClose(fine.maxMoment.value, coarse.maxMoment.value, "max M");
    expectClose(fine.maxDeflection.value, coarse.maxDeflection.value, "max w");
    expectClose(fine.reactions[0]!.force, coarse.reactions[0]!.force, "reaction");
    for (const x of [1.5, 3, 4.5]) expect(samplesAt(fine, x)).toHaveLength(2); // each node sampled, from both sides
  });
});

describe("a beam the supports cannot hold is refused with UnstableStructureError", () => {
  test.each<{ name: string; supports: Support[]; message: RegExp }>([
    { name: "no supports", supports: [], message: /^The beam is a mechanism: it has no supports/ },
    {
      name: "a single pinned support",
      supports: [{ type: "pinned", x: 2 }],
      message:
        /^The beam is a mechanism: it can rotate freely about its only support at x = 2 m\. Add a second support, or make this one fixed\.$/,
    },
    {
      name: "a single vertical spring",
      supports: [{ type: "spring", x: 0, stiffness: 1000 }],
      message: /^The beam is a mechanism: it can rotate freely/,
    },
    {
      // Stable on paper, but the spring is 1e-20 of the beam's stiffness:
      // the pivot test in the solve is the backstop that catches it.
      name: "a pin and a spring with no practical stiffness",
      supports: [
        { type: "pinned", x: 0 },
        { type: "spring", x: L, stiffness: 1e-16 },
      ],
      message: /^The beam is a mechanism: nothing holds it near x = 6 m/,
    },
  ])("$name", ({ supports, message }) => {
    const solve = () => beam(supports, { pointLoads: [{ x: 3, force: P }] });
    expect(solve).toThrow(UnstableStructureError);
    expect(solve).toThrow(message);
  });

  test("a cantilever on one rotational spring is stable", () => {
    const r = beam([{ type: "spring", x: 0, stiffness: 1e6, rotationalStiffness: 1e5 }], { pointLoads: [{ x: L, force: P }] });
    expectClose(r.reactions[0]!.moment, P * L, "spring moment");
  });
});

describe("invalid input is refused with InvalidBeamError", () => {
  const base: BeamInput = { nodes: [0, L], E, I, supports: simplySupported };
  test.each<{ name: string; input: Partial<BeamInput>; code: string; message: string }>([
    {
      name: "one node",
      input: { nodes: [0] },
      code: "too-few-nodes",
      message: "A beam needs at least two nodes (its two ends); got 1.",
    },
    {
      name: "two nodes at one position",
      input: { nodes: [0, 3, 3, 6] },
      code: "zero-length-element",
      message: "Two nodes are at x = 3 m: an element of zero length cannot be analysed. Remove one of them.",
    },
    {
      name: "a point load beyond the end",
      input: { pointLoads: [{ x: 7, force: P }] },
      code: "outside-beam",
      message: "Point load 1 is at x = 7 m, outside the beam (0 m to 6 m).",
    },
    {
      name: "a distributed load starting before the beam",
      input: { distributedLoads: [{ x1: -1, x2: 2, q1: q }] },
      code: "outside-beam",
      message: "The start of distributed load 1 is at x = -1 m, outside the beam (0 m to 6 m).",
    },
    {
      name: "a support off the beam",
      input: {
        supports: [
          { type: "pinned", x: 0 },
          { type: "roller", x: 6.5 },
        ],
      },
      code: "outside-beam",
      message: "Support 2 is at x = 6.5 m, outside the beam (0 m to 6 m).",
    },
    {
      name: "a distributed load running backwards",
      input: { distributedLoads: [{ x1: 4, x2: 2, q1: q }] },
      code: "empty-distributed-load",
      message: "Distributed load 1 runs from 4 m to 2 m: its end x2 must be greater than its start x1.",
    },
    {
      name: "zero stiffness",
      input: { I: 0 },
      code: "non-positive-stiffness",
      message: "E and I must be positive; got E = 210000000 kN/m² and I = 0 m⁴.",
    },
    {
      name: "a NaN force",
      input: { pointLoads: [{ x: 1, force: Number.NaN }] },
      code: "not-a-number",
      message: "Point load 1 force must be a finite number; got NaN.",
    },
    {
      name: "two supports at one position",
      input: {
        supports: [
          { type: "pinned", x: 0 },
          { type: "fixed", x: 0 },
          { type: "roller", x: 6 },
        ],
      },
      code: "duplicate-support",
      message: "Supports 1 and 2 are both at x = 0 m. Keep one (a fixed support already restrains deflection).",
    },
    {
      name: "a spring of zero stiffness",
      input: {
        supports: [
          { type: "pinned", x: 0 },
          { type: "spring", x: 6, stiffness: 0 },
        ],
      },
      code: "non-positive-spring",
      message: "Spring support 2 needs a stiffness above 0 kN/m and a rotational stiffness of at least 0 kNm/rad.",
    },
  ])("$name", ({ input, code, message }) => {
    let thrown: unknown;
    try {
      solveBeam({ ...base, ...input });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidBeamError);
    expect({ code: (thrown as InvalidBeamError).code, message: (thrown as InvalidBeamError).message }).toEqual({ code, message });
  });
});

describe("samples", () => {
  test("are sorted by x, cover the whole beam and include the exact extremes", () => {
    const r = beam(simplySupported, { distributedLoads: [{ x1: 1, x2: 5, q1: q, q2: 2 * q }], pointLoads: [{ x: 2.5, force: P }] });
    const xs = r.samples.map((s) => s.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBe(L);
    expect(r.samples).toContainEqual(expect.objectContaining({ x: r.maxDeflection.x, w: r.maxDeflection.value }));
    expect(Math.max(...r.samples.map((s) => Math.abs(s.M)))).toBe(Math.abs(r.maxMoment.value));
  });

  test("w is zero at rigid supports", () => {
    const r = beam(simplySupported, { distributedLoads: [{ x1: 0, x2: L, q1: q }] });
    for (const s of [...samplesAt(r, 0), ...samplesAt(r, L)]) expect(Math.abs(s.w)).toBeLessThan(1e-15);
  });
});

// Equilibrium of the whole beam, for any supports and loads. The reactions come
// from the solve, so this tests the fixed-end forces, the assembly and the
// reaction recovery together. Positions lie on a grid of L/1000 (a millimetre
// on a metre-scale beam). The first two supports, or a lone fixed one, hold
// the beam by themselves; springs come on top, from 1 to 10⁴ × EI/L³. A beam
// held only by springs far softer than itself is a near-mechanism: its
// displacements are huge and the reactions carry rounding of eps × condition
// number (measured: up to 3e-5 of the load for a 1 m beam on 100 kN/m springs,
// 2000 times softer than the beam). Over 20 000 runs of this generator the
// worst error was 3.8e-10.
describe("equilibrium (property)", () => {
  const beams = fc
    .record({
      length: fc.double({ min: 1, max: 20, noNaN: true }),
      nodeTicks: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 3 }),
      supports: fc.uniqueArray(
        fc.record({
          // Supports at least L/100 apart: two supports a hair apart make an element so stiff that
          // the solve loses digits (1 mm apart on 1 m broke 1e-9), which no real beam does.
          tick: fc.integer({ min: 0, max: 100 }).map((tick) => tick * 10),
          type: fc.constantFrom("fixed", "pinned", "roller", "spring"),
          stiffnessExponent: fc.double({ min: 0, max: 4, noNaN: true }),
        }),
        { minLength: 1, maxLength: 4, selector: (s) => s.tick },
      ),
      pointLoads: fc.array(fc.record({ tick: fc.integer({ min: 0, max: 1000 }), force: fc.double({ min: -100, max: 100, noNaN: true }) }), {
        maxLength: 4,
      }),
      pointMoments: fc.array(
        fc.record({ tick: fc.integer({ min: 0, max: 1000 }), moment: fc.double({ min: -50, max: 50, noNaN: true }) }),
        {
          maxLength: 2,
        },
      ),
      distributedLoads: fc.array(
        fc.record({
          ticks: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
          q1: fc.double({ min: -30, max: 30, noNaN: true }),
          q2: fc.double({ min: -30, max: 30, noNaN: true }),
        }),
        { maxLength: 3 },
      ),
      selfWeight: fc.double({ min: 0, max: 5, noNaN: true }),
      I: fc.double({ min: 1e-6, max: 1e-3, noNaN: true }),
    })
    .map((b) => {
      const at = (tick: number) => (b.length * tick) / 1000;
      const supports: Support[] = b.supports.map((s, i) => {
        // The first two supports (or a lone fixed one) hold the beam on their
        // own; springs only come on top (see the note above this describe).
        const type = b.supports.length === 1 ? "fixed" : i < 2 && s.type === "spring" ? "pinned" : s.type;
        const stiffness = 10 ** s.stiffnessExponent * ((E * b.I) / b.length ** 3);
        return type === "spring" ? { type, x: at(s.tick), stiffness } : { type, x: at(s.tick) };
      });
      const input: BeamInput = {
        nodes: [0, b.length, ...b.nodeTicks.map(at)],
        E,
        I: b.I,
        supports,
        pointLoads: b.pointLoads.map((p): PointLoad => ({ x: at(p.tick), force: p.force })),
        pointMoments: b.pointMoments.map((p): PointMoment => ({ x: at(p.tick), moment: p.moment })),
        distributedLoads: b.distributedLoads.map(({ ticks: [a = 0, c = 1], q1, q2 }): DistributedLoad => ({
          x1: at(Math.min(a, c)),
          x2: at(Math.max(a, c)),
          q1,
          q2,
        })),
        selfWeight: b.selfWeight,
      };
      return { input, length: b.length };
    });

  test("the reactions balance the loads: ΣF = 0 and ΣM about x = 0 is 0, to 1e-9 relative", () => {
    fc.assert(
      fc.property(beams, ({ input, length }) => {
        const r = solveBeam(input);
        const distributed = [...(input.distributedLoads ?? []), { x1: 0, x2: length, q1: input.selfWeight ?? 0 }];
        // Downward load and its clockwise moment about x = 0.
        let load = 0;
        let loadMoment = 0;
        let scale = 0;
        for (const p of input.pointLoads ?? []) {
          load += p.force;
          loadMoment += p.force * p.x;
          scale += Math.abs(p.force);
        }
        for (const d of distributed) {
          const q2 = d.q2 ?? d.q1;
          const span = d.x2 - d.x1;
          load += (span * (d.q1 + q2)) / 2;
          loadMoment += (span / 6) * (d.q1 * (2 * d.x1 + d.x2) + q2 * (d.x1 + 2 * d.x2));
          scale += (span * (Math.abs(d.q1) + Math.abs(q2))) / 2;
        }
        let appliedMoments = 0;
        for (const m of input.pointMoments ?? []) {
          appliedMoments += m.moment;
          scale += Math.abs(m.moment) / length;
        }
        for (const reaction of r.reactions) scale += Math.abs(reaction.force) + Math.abs(reaction.moment) / length;
        // A floor of 1 mN: fast-check also tries loads of 1e-13 kN and less, where the solve's own
        // rounding (stiffness ~1e8 kN/m times displacements) is larger than 1e-9 of the load.
        scale += 1e-6;

        const reactionForce = r.reactions.reduce((sum, reaction) => sum + reaction.force, 0);
        const reactionMoment = r.reactions.reduce((sum, reaction) => sum + reaction.force * reaction.x + reaction.moment, 0);
        expect(Math.abs(reactionForce - load)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(reactionMoment + appliedMoments - loadMoment)).toBeLessThanOrEqual(1e-9 * scale * length);
      }),
      { numRuns: 500 },
    );
  });
});
