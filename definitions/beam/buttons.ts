/**
 * The steel beam's buttons, placed in its form by `button(name)` in params.ts: the report and the
 * internal forces as downloads, the lightest passing profile as an optimization, two set-params
 * helpers, and "send to the fabricator". Each is a function of the params alone, from the same
 * analysis as the views (analyse-beam.ts).
 */
import {
  actionButton,
  binaryFile,
  downloadButton,
  optimizationButton,
  setParamsButton,
  textFile,
  UserError,
  type ViewContext,
} from "@/lib/controller";
import { analyseBeam, type BeamAnalysis } from "./analyse-beam";
import { num } from "./draw-structure";
import type { BeamParams } from "./params";
import { profileFamilies, profilesOf, type Profile } from "./profiles";
import { beamForcesCsv, beamReportPdf } from "./report";
import { storage } from "@/lib/controller/storage";

/** How many passing profiles the optimization offers, lightest first. */
export const LIGHTEST_CANDIDATES = 5;

/** The storage workspace orders to the fabricator are written to. */
export const FABRICATION_WORKSPACE = "fabrication";

type Ctx = ViewContext<BeamParams>;

export const beamButtons = {
  report: downloadButton(
    "Download report (PDF)",
    async ({ params, entity }: Ctx) => {
      const name = entity?.name ?? "Steel beam";
      const analysis = analyseBeam(params);
      const pdf = await beamReportPdf({
        title: `${name}: steel beam check`,
        inputs: reportInputs(params, analysis),
        result: analysis.design,
        checks: analysis.checks,
      });
      return binaryFile(`${fileStem(name)}-report.pdf`, "application/pdf", pdf);
    },
    { durationGuess: 2 },
  ),

  forces: downloadButton("Download internal forces (CSV)", ({ params, entity }: Ctx) =>
    textFile(`${fileStem(entity?.name ?? "beam")}-forces.csv`, "text/csv", beamForcesCsv(analyseBeam(params).design)),
  ),

  lightest: optimizationButton(
    "Find the lightest profile",
    async ({ params, progress, signal }: Ctx) => {
      const profiles = allProfilesByMass();
      const passing: { profile: Profile; maxUc: number }[] = [];
      for (const [i, profile] of profiles.entries()) {
        if (signal.aborted) break;
        progress(i / profiles.length, `Checking ${profile.name} (${i + 1} of ${profiles.length})`);
        const maxUc = maxUnityCheck(withProfile(params, profile));
        if (maxUc !== null && maxUc < 1) passing.push({ profile, maxUc });
        // Let the abort of a cancelled call (and other requests) in between profiles.
        await new Promise((resolve) => setImmediate(resolve));
      }
      progress(1, `Checked ${profiles.length} profiles`);
      const shown = passing.slice(0, LIGHTEST_CANDIDATES);
      return {
        kind: "optimization",
        columns: [
          { key: "profile", label: "Profile", type: "text" },
          { key: "mass", label: "Mass", type: "number", suffix: "kg/m", decimals: 1 },
          { key: "maxUc", label: "Max UC", type: "number", decimals: 2 },
        ],
        candidates: shown.map(({ profile, maxUc }) => ({
          params: withProfile(params, profile),
          values: { profile: profile.name, mass: profile.mass, maxUc },
        })),
        message:
          passing.length === 0
            ? `None of the ${profiles.length} profiles passes: every unity check is 1 or more. Reduce the loads or add a support.`
            : `${passing.length} of ${profiles.length} profiles pass; the ${shown.length} lightest are shown.`,
      };
    },
    { durationGuess: 5 },
  ),

  resetLoads: setParamsButton("Reset loads", ({ params }: Ctx) => ({
    kind: "setParams",
    params: { ...params, loads: { ...params.loads, pointLoads: [], distributedLoads: [], selfWeight: true } },
    message: "Point and distributed loads cleared; self-weight on.",
  })),

  mirror: setParamsButton("Mirror geometry", ({ params }: Ctx) => ({
    kind: "setParams",
    params: mirrored(params),
    message: "Nodes and loads mirrored about the middle of the beam.",
  })),

  send: actionButton(
    "Send to the fabricator",
    async ({ params, entity }: Ctx) => {
      const { model, checks } = analyseBeam(params);
      const xs = model.nodes.map((node) => node.x);
      const length = Math.max(...xs) - Math.min(...xs);
      const order = {
        kind: "gusset.fabrication-order",
        version: 1,
        entity: entity ? { id: entity.id, name: entity.name } : null,
        profile: model.profile.name,
        grade: model.grade,
        lengthM: length,
        massKgPerM: round(model.profile.mass, 2),
        massKg: round(model.profile.mass * length, 1),
        maxUnityCheck: round(Math.max(...checks.map((c) => c.uc)), 3),
        orderedAt: new Date().toISOString(),
      };
      const key = `orders/${entity?.id ?? "unsaved"}/${order.orderedAt.replace(/[:.]/g, "-")}.json`;
      await storage(FABRICATION_WORKSPACE).putJson(key, order);
      return {
        kind: "action",
        message: `Sent to the fabricator: ${order.profile} ${order.grade}, ${num(length)} m, ${order.massKg} kg (order ${key}).`,
      };
    },
    { disabled: ({ params }: { params: BeamParams }) => sendDisabledReason(params) },
  ),
};

/** Why the beam cannot be sent: a unity check fails (or it cannot be analysed at all); null when it may. */
export function sendDisabledReason(params: BeamParams): string | null {
  let analysis: BeamAnalysis;
  try {
    analysis = analyseBeam(params);
  } catch (error) {
    return `The beam cannot be analysed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const failing = analysis.checks.filter((check) => check.uc >= 1);
  if (failing.length === 0) return null;
  return `Not while a unity check fails: ${failing.map((c) => `${c.name} ${c.uc.toFixed(2)}`).join(", ")}.`;
}

/** Every profile of the three families, lightest first. */
export function allProfilesByMass(): Profile[] {
  return profileFamilies.flatMap((family) => [...profilesOf(family)]).sort((a, b) => a.mass - b.mass || a.name.localeCompare(b.name));
}

function withProfile(params: BeamParams, profile: Profile): BeamParams {
  return {
    ...params,
    geometry: { ...params.geometry, section: { ...params.geometry.section, family: profile.family, profile: profile.name } },
  };
}

/** The governing unity check, or null when the beam cannot be analysed with this profile. */
function maxUnityCheck(params: BeamParams): number | null {
  try {
    return Math.max(...analyseBeam(params).checks.map((check) => check.uc));
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

/** Node positions and loads mirrored about the middle of the beam: x → start + end − x. */
export function mirrored(params: BeamParams): BeamParams {
  const xs = params.geometry.nodes.map((node) => node.x);
  const flip = (x: number) => round(Math.min(...xs) + Math.max(...xs) - x, 9);
  return {
    ...params,
    geometry: { ...params.geometry, nodes: [...params.geometry.nodes].reverse().map((node) => ({ ...node, x: flip(node.x) })) },
    loads: {
      ...params.loads,
      pointLoads: params.loads.pointLoads.map((load) => ({ ...load, x: flip(load.x) })),
      distributedLoads: params.loads.distributedLoads.map((load) => ({ x1: flip(load.x2), x2: flip(load.x1), q1: load.q2, q2: load.q1 })),
    },
  };
}

/** The inputs as the report lists them, label and value with its unit. */
export function reportInputs(params: BeamParams, { model, sectionClass, fy }: BeamAnalysis): [string, string][] {
  const xs = model.nodes.map((node) => node.x);
  const { pointLoads, distributedLoads } = params.loads;
  return [
    ["Length", `${num(Math.max(...xs) - Math.min(...xs))} m`],
    ["Nodes", model.nodes.map((node) => `${node.id} at ${num(node.x)} m`).join(", ")],
    ["Supports", model.supports.map((s) => `${s.node} ${s.type}`).join(", ")],
    ["Profile", `${model.profile.name} (${model.profile.mass.toFixed(1)} kg/m, class ${sectionClass})`],
    ["Steel grade", `${model.grade} (fy = ${fy} MPa)`],
    ["Point loads", pointLoads.map((l) => `${num(l.F)} kN at ${num(l.x)} m`).join(", ") || "none"],
    [
      "Distributed loads",
      distributedLoads.map((l) => `${num(l.q1)} to ${num(l.q2)} kN/m from ${num(l.x1)} to ${num(l.x2)} m`).join(", ") || "none",
    ],
    ["Self-weight", params.loads.selfWeight ? `${model.selfWeight.toFixed(3)} kN/m` : "not included"],
    ["Load factor", String(model.loadFactor)],
  ];
}

function fileStem(name: string): string {
  return name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "beam";
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
