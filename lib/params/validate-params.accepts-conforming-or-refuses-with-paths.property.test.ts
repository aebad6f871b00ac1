// Whatever reaches the server, `validateParams` answers: either the params are accepted and have
// the inferred type (checked by an independent conformance reader), or they are refused with
// errors that name a field path and a rule. It never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARAMS_RULES, validateParams, withDefaults, type ParamsResult, type Parametrization } from "@/lib/params";
import { compiledOf } from "@/lib/params/compile-parametrization";
import { conformanceProblems } from "@/lib/params/test-support/conformance";
import { everyKind, validParams } from "@/lib/params/test-support/every-kind";
import { steelBeam, steelBeamInput } from "@/lib/params/test-support/steel-beam";

const SOURCES = ["browser", "storage"] as const;

/** Accepted params conform; refused ones have well-formed errors pointing at known nodes. */
function expectAnswered(parametrization: Parametrization, result: ParamsResult<unknown>): void {
  if (result.ok) {
    expect(conformanceProblems(parametrization.layout, result.params)).toEqual([]);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  const nodes = compiledOf(parametrization).nodes;
  for (const error of result.errors) {
    expect(PARAMS_RULES).toContain(error.rule);
    expect(error.message.length).toBeGreaterThan(0);
    // The unknown key itself is the last segment (`.name`, or `["quoted"]`), under a known node.
    const nodePath = error.rule === "unknownField" ? error.path.replace(/((^|\.)[A-Za-z_$][\w$]*|\[".*"\])$/, "") : error.path;
    const layoutPath = nodePath.replace(/\[\d+\]/g, "");
    expect(layoutPath === "" || nodes.has(layoutPath)).toBe(true);
  }
}

/** Every path to a value inside `value`, as property-key lists. */
function pathsIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [at];
  const children = Array.isArray(value)
    ? value.map((child, index) => pathsIn(child, [...at, index]))
    : Object.entries(value).map(([key, child]) => pathsIn(child, [...at, key]));
  return [at, ...children.flat()];
}

type Mutation = { path: (string | number)[]; change: "replace" | "delete" | "addKey"; value: unknown; key: string };

function mutate(input: unknown, { path, change, value, key }: Mutation): unknown {
  const copy = structuredClone(input);
  if (path.length === 0) return change === "replace" ? value : copy;
  const parent = path.slice(0, -1).reduce<unknown>((at, segment) => (at as Record<string | number, unknown>)[segment], copy) as Record<
    string | number,
    unknown
  >;
  const last = path[path.length - 1] as string | number;
  if (change === "replace") parent[last] = value;
  else if (change === "delete") delete parent[last];
  else if (typeof parent[last] === "object" && parent[last] !== null && !Array.isArray(parent[last]))
    (parent[last] as Record<string, unknown>)[key] = value;
  return copy;
}

function mutationOf(input: unknown): fc.Arbitrary<Mutation> {
  return fc.record({
    path: fc.constantFrom(...pathsIn(input)),
    change: fc.constantFrom("replace", "delete", "addKey"),
    value: fc.oneof(fc.jsonValue(), fc.constantFrom(null, "", 0, -1, 1e9, "N1", "IPE 200", [], {})),
    key: fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "length"), fc.string()),
  });
}

describe("validateParams, given anything", () => {
  it.each(SOURCES)("answers arbitrary JSON from the %s without throwing", (source) => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expectAnswered(steelBeam, validateParams(steelBeam, input, { source }));
        expectAnswered(everyKind, validateParams(everyKind, input, { source }));
      }),
      { numRuns: 300 },
    );
  });

  it("answers arbitrary values of any JavaScript type without throwing", () => {
    const anything = fc.anything({
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withBoxedValues: true,
    });
    fc.assert(
      fc.property(fc.record({ geometry: anything, loads: anything, analysis: anything }, { requiredKeys: [] }), (input) => {
        expectAnswered(steelBeam, validateParams(steelBeam, input, { source: "browser" }));
      }),
      { numRuns: 300 },
    );
  });

  it.each(SOURCES)("answers mutations of valid steel-beam params from the %s", (source) => {
    const valid = steelBeamInput(6, 3);
    expect(validateParams(steelBeam, valid, { source }).ok).toBe(true);
    fc.assert(
      fc.property(mutationOf(valid), (mutation) => {
        expectAnswered(steelBeam, validateParams(steelBeam, mutate(valid, mutation), { source }));
      }),
      { numRuns: 500 },
    );
  });

  it("names the exact path of any value replaced by one of the wrong type", () => {
    const valid = steelBeamInput(4, 2);
    const leaves = pathsIn(valid).filter((path) => {
      const leaf = path.reduce<unknown>((at, segment) => (at as Record<string | number, unknown>)[segment], valid);
      return typeof leaf !== "object" || leaf === null;
    });
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom({}, [], { value: 1 }), (path, wrong) => {
        const result = validateParams(steelBeam, mutate(valid, { path, change: "replace", value: wrong, key: "" }), { source: "browser" });
        const expectedPath = path
          .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${segment}`))
          .join("")
          .slice(1);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.map((error) => error.path)).toContain(expectedPath);
      }),
      { numRuns: 200 },
    );
  });
});

describe("validateParams, given valid params", () => {
  it("accepts them from either source, with defaults filled in for the keys left out", () => {
    fc.assert(
      fc.property(validParams(everyKind.layout), fc.constantFrom(...SOURCES), (input, source) => {
        const result = validateParams(everyKind, input, { source });
        expect(result).toEqual({ ok: true, params: withDefaults(everyKind, input) });
        expectAnswered(everyKind, result);
      }),
      { numRuns: 300 },
    );
  });
});
