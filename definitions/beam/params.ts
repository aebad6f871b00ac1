import { boolean, button, markdown, number, option, parametrization, section, tab, table, text, type ParamsOf } from "@/lib/params";
import { profileFamilies, profilesOf } from "./profiles";
import { steelGrades } from "./steel";

/**
 * The inputs of a steel beam: where its nodes are, how it is supported, which profile and grade it
 * is made of, and what loads it. Pure data plus computed rules, imported by the browser's form too,
 * so nothing heavy belongs here (the solver and the views live in controller.ts).
 *
 * The default is a simply supported 6 m IPE 300 in S355 with 50 kN at midspan.
 *
 * Units as in the solver (beam-model.ts): m, kN, kN/m; loads positive downward.
 */
export const beamParams = parametrization(
  {
    geometry: tab("Geometry", {
      intro: markdown("Nodes sit along the beam axis, **x** from the left end. The beam runs from the first node to the last."),
      nodes: table(
        "Nodes",
        {
          id: text("Node id", { maxLength: 20 }),
          x: number("Node position", { min: 0, max: 200, suffix: "m" }),
        },
        {
          minRows: 2,
          maxRows: 200,
          default: [
            { id: "A", x: 0 },
            { id: "B", x: 3 },
            { id: "C", x: 6 },
          ],
        },
      ),
      supports: table(
        "Supports",
        {
          node: option("Supported node"),
          type: option("Support type", { options: ["pinned", "roller", "fixed"], default: "pinned" }),
        },
        {
          minRows: 1,
          maxRows: 200,
          default: [
            { node: "A", type: "pinned" },
            { node: "C", type: "roller" },
          ],
        },
      ),
      section: section("Cross-section", {
        family: option("Profile family", { options: profileFamilies, default: "IPE", variant: "radioInline" }),
        profile: option("Profile", { default: "IPE 300" }),
        grade: option("Steel grade", { options: steelGrades, default: "S355" }),
      }),
    }),
    loads: tab("Loads", {
      pointLoads: table(
        "Point loads",
        {
          x: number("Load position", { min: 0, suffix: "m" }),
          F: number("Force", { min: -10_000, max: 10_000, suffix: "kN" }),
        },
        { maxRows: 200, default: [{ x: 3, F: 50 }] },
      ),
      distributedLoads: table(
        "Distributed loads",
        {
          x1: number("Start", { min: 0, suffix: "m" }),
          x2: number("End", { min: 0, suffix: "m" }),
          q1: number("q start", { min: -1_000, max: 1_000, suffix: "kN/m" }),
          q2: number("q end", { min: -1_000, max: 1_000, suffix: "kN/m" }),
        },
        { maxRows: 200 },
      ),
      selfWeight: boolean("Include self-weight", { default: true }),
      loadFactor: number("Load factor", { min: 1, max: 2, default: 1.35, step: 0.05, decimals: 2 }),
      // The controller's buttons (buttons.ts). Placed in the tab itself, not in a section: a section
      // would add an (empty) value group to every beam's params.
      toolsHeading: markdown("**Report and tools**: run on the inputs as they are in the form, saved or not."),
      report: button("report"),
      forces: button("forces"),
      lightest: button("lightest"),
      resetLoads: button("resetLoads"),
      mirror: button("mirror"),
      send: button("send", { description: "Writes an order with the profile, length and mass for the fabricator." }),
    }),
  },
  {
    "geometry.supports.node": { options: ({ params }) => nodeIds(params.geometry.nodes) },
    "geometry.section.profile": { options: ({ params }) => profilesOf(params.geometry.section.family).map((p) => p.name) },
    "loads.pointLoads.x": { max: ({ params }) => beamEnd(params.geometry.nodes) },
    "loads.distributedLoads.x1": { max: ({ params }) => beamEnd(params.geometry.nodes) },
    "loads.distributedLoads.x2": { max: ({ params }) => beamEnd(params.geometry.nodes) },
  },
);

export type BeamParams = ParamsOf<typeof beamParams>;

// Typed structurally, not from BeamParams: the rules above are part of what BeamParams is inferred from.
interface Node {
  readonly id: string | null;
  readonly x: number | null;
}

/** The ids of the nodes, each once, in order: the choices of a support's node. */
function nodeIds(nodes: readonly Node[]): string[] {
  return [...new Set(nodes.map((node) => node.id).filter((id): id is string => typeof id === "string" && id !== ""))];
}

/** Where the beam ends: the largest node position (the form's draft may hold empty cells). */
function beamEnd(nodes: readonly Node[]): number {
  const xs = nodes.map((node) => node.x).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  return xs.length > 0 ? Math.max(...xs) : 0;
}

export default beamParams;
