import { describe, expect, it } from "vitest";
import { dynamicArray, number, option, parametrization, section, validateParams, type ParamsError } from "@/lib/params";
import { setAtPath } from "@/lib/params/test-support/set-at-path";
import { steelBeam, steelBeamInput } from "@/lib/params/test-support/steel-beam";

const error = (path: string, rule: ParamsError["rule"], message: string): ParamsError => ({ path, rule, message });
const errorsOf = (result: ReturnType<typeof validateParams>) => (result.ok ? [] : result.errors);

describe("computed rules, on the steel beam", () => {
  const input = steelBeamInput(6, 3);
  const check = (path: string, value: unknown) => errorsOf(validateParams(steelBeam, setAtPath(input, path, value), { source: "browser" }));

  it("refuses a profile not among the options computed from the family", () => {
    expect(check("geometry.beam.profile", "HEA 200")).toEqual([
      error(
        "geometry.beam.profile",
        "option",
        "Profile must be one of IPE 200, IPE 240, IPE 300, IPE 360, IPE 400, IPE 450, IPE 500, IPE 600",
      ),
    ]);
    const hea = setAtPath(setAtPath(input, "geometry.beam.family", "HEA"), "geometry.beam.profile", "HEA 200");
    expect(validateParams(steelBeam, hea, { source: "browser" }).ok).toBe(true);
  });

  it("refuses a load on a node id that is not a row of the nodes table", () => {
    expect(check("loads.points[2].node", "N7")).toEqual([
      error("loads.points[2].node", "option", "Node must be one of N1, N2, N3, N4, N5, N6"),
    ]);
  });

  it("lists at most eight options in a message", () => {
    const big = setAtPath(steelBeamInput(200, 1), "loads.points[0].node", "N0");
    expect(errorsOf(validateParams(steelBeam, big, { source: "browser" }))).toEqual([
      error("loads.points[0].node", "option", "Node must be one of N1, N2, N3, N4, N5, N6, N7, N8, … (200 options)"),
    ]);
  });

  it("refuses a node beyond the beam's length, a max computed from another field", () => {
    expect(check("geometry.nodes[4].x", 12.5)).toEqual([error("geometry.nodes[4].x", "max", "x must be at most 12 m")]);
  });

  it("checks computed rules only once the types are right, so callbacks never see a wrong type", () => {
    // The family is wrong, so the profile's options cannot be computed: only the family is reported.
    expect(check("geometry.beam.family", 7)).toEqual([
      error("geometry.beam.family", "option", "Profile family must be one of IPE, HEA, HEB"),
    ]);
  });
});

describe("hidden fields", () => {
  const support = parametrization(
    {
      kind: option("Support", { options: ["pinned", "spring"], default: "pinned" }),
      spring: section("Spring", {
        stiffness: number("Stiffness", { min: 0, default: 100, suffix: "kN/m" }),
        side: option("Side", { default: "left" }),
      }),
    },
    {
      spring: { visible: ({ params }) => params.kind === "spring" },
      "spring.stiffness": { max: () => 1000 },
      "spring.side": { options: ({ params }) => (params.kind === "spring" ? ["left", "right"] : []) },
    },
  );
  const hidden = { kind: "pinned", spring: { stiffness: 5000, side: "left" } };

  it("keep their values, and their computed rules are not checked", () => {
    expect(validateParams(support, hidden, { source: "browser" })).toEqual({ ok: true, params: hidden });
  });

  it("are still type-checked, and their static rules still hold", () => {
    expect(errorsOf(validateParams(support, setAtPath(hidden, "spring.stiffness", "stiff"), { source: "browser" }))).toEqual([
      error("spring.stiffness", "type", "Stiffness must be a number"),
    ]);
    expect(errorsOf(validateParams(support, setAtPath(hidden, "spring.stiffness", -1), { source: "browser" }))).toEqual([
      error("spring.stiffness", "min", "Stiffness must be at least 0 kN/m"),
    ]);
  });

  it("are checked in full once shown", () => {
    expect(errorsOf(validateParams(support, { ...hidden, kind: "spring" }, { source: "browser" }))).toEqual([
      error("spring.stiffness", "max", "Stiffness must be at most 1000 kN/m"),
    ]);
  });

  it("inside a dynamic array are decided row by row", () => {
    const spans = parametrization(
      {
        spans: dynamicArray("Spans", {
          support: option("Support", { options: ["fixed", "spring"], default: "fixed" }),
          stiffness: number("Stiffness", { default: 1 }),
        }),
      },
      { "spans.stiffness": { visible: ({ row }) => row.support === "spring", min: ({ index }) => index + 1 } },
    );
    const input = {
      spans: [
        { support: "fixed", stiffness: 0 },
        { support: "spring", stiffness: 0 },
      ],
    };
    expect(errorsOf(validateParams(spans, input, { source: "browser" }))).toEqual([
      error("spans[1].stiffness", "min", "Stiffness must be at least 2"),
    ]);
  });
});

describe("a computed rule that throws", () => {
  it("refuses the params with the field and the reason, instead of throwing", () => {
    const fragile = parametrization(
      { count: number("Count", { default: 1 }), pick: option("Pick", { default: "a" }) },
      {
        pick: {
          options: ({ params }) => {
            if (params.count > 1) throw new Error("no options for more than one");
            return ["a"];
          },
        },
      },
    );
    expect(validateParams(fragile, { count: 2, pick: "a" }, { source: "browser" })).toEqual({
      ok: false,
      errors: [error("pick", "computeFailed", "Pick: its options could not be computed (no options for more than one)")],
    });
  });
});
