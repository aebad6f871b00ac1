// A steel beam parametrization, close to what an author would ship: used by the property tests and
// by bench/validate-params.ts. Every kind of computed rule appears: options from a static table and
// from another table's rows, a bound from another field, and visibility.
import {
  boolean,
  integer,
  markdown,
  number,
  option,
  parametrization,
  section,
  tab,
  table,
  text,
  textarea,
  type ParamsOf,
} from "@/lib/params";

export const PROFILES = {
  IPE: ["IPE 200", "IPE 240", "IPE 300", "IPE 360", "IPE 400", "IPE 450", "IPE 500", "IPE 600"],
  HEA: ["HEA 200", "HEA 240", "HEA 300", "HEA 360", "HEA 400", "HEA 450", "HEA 500", "HEA 600"],
  HEB: ["HEB 200", "HEB 240", "HEB 300", "HEB 360", "HEB 400", "HEB 450", "HEB 500", "HEB 600"],
} as const;

export const steelBeam = parametrization(
  {
    geometry: tab("Geometry", {
      intro: markdown("Nodes are placed along the beam axis, **x** from the left end."),
      beam: section("Beam", {
        family: option("Profile family", { options: ["IPE", "HEA", "HEB"], default: "IPE", variant: "radioInline" }),
        profile: option("Profile", { default: "IPE 300" }),
        steel: option("Steel grade", { options: ["S235", "S275", "S355"], default: "S355" }),
        length: number("Length", { min: 1, max: 60, default: 12, suffix: "m", decimals: 2 }),
      }),
      nodes: table(
        "Nodes",
        {
          id: text("Id", { maxLength: 20 }),
          x: number("x", { min: 0, suffix: "m" }),
          z: number("z", { suffix: "m", default: 0 }),
          support: option("Support", { options: ["free", "pinned", "roller", "fixed"], default: "free" }),
        },
        { minRows: 2, maxRows: 1000 },
      ),
    }),
    loads: tab("Loads", {
      selfWeight: boolean("Include self-weight", { default: true }),
      points: table("Point loads", {
        node: option("Node"),
        Fz: number("Fz", { suffix: "kN" }),
        My: number("My", { suffix: "kNm", default: 0 }),
        loadCase: option("Load case", { options: ["dead", "live", "wind"], default: "live" }),
      }),
      distributed: table("Distributed loads", {
        from: number("From", { min: 0, suffix: "m" }),
        to: number("To", { min: 0, suffix: "m" }),
        q: number("q", { suffix: "kN/m" }),
      }),
      wind: section("Wind", {
        enabled: boolean("Wind load"),
        speed: number("Basic wind speed", { min: 0, max: 60, default: 26, suffix: "m/s" }),
        terrain: option("Terrain category", { options: ["0", "I", "II", "III", "IV"], default: "II" }),
      }),
    }),
    analysis: tab("Analysis", {
      method: option("Method", { options: ["linear", "second order"], default: "linear", variant: "radio" }),
      elements: integer("Elements per member", { min: 1, max: 100, default: 10 }),
      checkDeflection: boolean("Check deflection", { default: true }),
      deflectionLimit: integer("Deflection limit L/…", { min: 100, max: 1000, default: 250 }),
      remarks: textarea("Remarks", { optional: true }),
    }),
  },
  {
    "geometry.beam.profile": { options: ({ params }) => PROFILES[params.geometry.beam.family] },
    "geometry.nodes.x": { max: ({ params }) => params.geometry.beam.length },
    "loads.points.node": { options: ({ params }) => params.geometry.nodes.map((node) => node.id) },
    "loads.wind.speed": { visible: ({ params }) => params.loads.wind.enabled },
    "loads.wind.terrain": { visible: ({ params }) => params.loads.wind.enabled },
    "analysis.deflectionLimit": { visible: ({ params }) => params.analysis.checkDeflection },
  },
);

export type SteelBeamParams = ParamsOf<typeof steelBeam>;

/** Valid params as the browser sends them: every field, `nodeCount` nodes along a 12 m beam. */
export function steelBeamInput(nodeCount = 200, pointLoadCount = 20): SteelBeamParams {
  const length = 12;
  const nodes = Array.from({ length: nodeCount }, (_, index) => ({
    id: `N${index + 1}`,
    x: (index * length) / (nodeCount - 1),
    z: 0,
    support: index === 0 ? ("pinned" as const) : index === nodeCount - 1 ? ("roller" as const) : ("free" as const),
  }));
  return {
    geometry: { beam: { family: "IPE", profile: "IPE 300", steel: "S355", length }, nodes },
    loads: {
      selfWeight: true,
      points: Array.from({ length: pointLoadCount }, (_, index) => ({
        node: nodes[(index * 7) % nodeCount]?.id ?? "N1",
        Fz: -10 - index,
        My: 0,
        loadCase: index % 2 === 0 ? ("live" as const) : ("dead" as const),
      })),
      distributed: [
        { from: 0, to: 6, q: -5 },
        { from: 6, to: 12, q: -7.5 },
      ],
      wind: { enabled: false, speed: 26, terrain: "II" },
    },
    analysis: { method: "linear", elements: 10, checkDeflection: true, deflectionLimit: 250, remarks: null },
  };
}
