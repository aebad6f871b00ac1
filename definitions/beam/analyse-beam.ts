/**
 * From the beam's params to its analysis: the solver's input (SI units, kN,
 * m), solved for the ultimate (factored) and the serviceability
 * (characteristic) loads, and the unity check. Inputs that are valid one by
 * one but not together become an InputViolation naming the fields; a beam the
 * supports cannot hold becomes a UserError with the solver's sentence.
 */
import { InputViolation, UserError, type FieldIssue } from "@/lib/controller";
import { checkBeam, classInBending, type CheckItem } from "./check";
import type { BeamParams } from "./params";
import { profile as profileNamed, profileSelfWeight, type Profile } from "./profiles";
import {
  InvalidBeamError,
  solveBeam,
  UnstableStructureError,
  type BeamInput,
  type BeamResult,
  type SolveOptions,
  type Support,
} from "./solver";
import { steelE, yieldStrength, type SteelGrade } from "./steel";

/** A support as the views draw it: where, what, and the node it sits on. */
export interface PlacedSupport {
  readonly node: string;
  readonly x: number;
  readonly type: "pinned" | "roller" | "fixed";
}

export interface BeamModel {
  readonly profile: Profile;
  readonly grade: SteelGrade;
  /** Nodes by position, ascending. */
  readonly nodes: readonly { readonly id: string; readonly x: number }[];
  readonly supports: readonly PlacedSupport[];
  /** The factor on every load for the ultimate limit state. */
  readonly loadFactor: number;
  /** Self-weight in kN/m, characteristic; 0 when switched off. */
  readonly selfWeight: number;
  /** Characteristic loads (as typed). */
  readonly characteristic: BeamInput;
  /** Factored loads: every load and the self-weight × loadFactor. */
  readonly design: BeamInput;
}

/** Builds the solver's input from valid params. @throws InputViolation for inputs that contradict each other. */
export function beamModel(params: BeamParams): BeamModel {
  const { nodes, supports, section } = params.geometry;
  const { pointLoads, distributedLoads, selfWeight, loadFactor } = params.loads;
  const problems: FieldIssue[] = [];

  const firstById = new Map<string, number>();
  const firstByX = new Map<number, number>();
  nodes.forEach((node, i) => {
    const sameId = firstById.get(node.id);
    if (sameId !== undefined)
      problems.push({ path: `geometry.nodes[${i}].id`, message: `Node id ${node.id} is used twice (rows ${sameId + 1} and ${i + 1}).` });
    else firstById.set(node.id, i);
    const sameX = firstByX.get(node.x);
    if (sameX !== undefined)
      problems.push({ path: `geometry.nodes[${i}].x`, message: `Nodes ${nodes[sameX]!.id} and ${node.id} are both at x = ${node.x} m.` });
    else firstByX.set(node.x, i);
  });

  const supportedNodes = new Map<string, number>();
  const placed: PlacedSupport[] = [];
  supports.forEach((support, i) => {
    const at = firstById.get(support.node);
    if (at === undefined) {
      problems.push({ path: `geometry.supports[${i}].node`, message: `There is no node ${support.node}.` });
      return;
    }
    const before = supportedNodes.get(support.node);
    if (before !== undefined) {
      problems.push({ path: `geometry.supports[${i}].node`, message: `Node ${support.node} already has a support (row ${before + 1}).` });
      return;
    }
    supportedNodes.set(support.node, i);
    placed.push({ node: support.node, x: nodes[at]!.x, type: support.type });
  });

  distributedLoads.forEach((load, i) => {
    if (load.x2 <= load.x1)
      problems.push({
        path: `loads.distributedLoads[${i}].x2`,
        message: `A distributed load must end after it starts (row ${i + 1}: ${load.x1} m to ${load.x2} m).`,
      });
  });
  const xs = nodes.map((node) => node.x);
  const start = Math.min(...xs);
  const end = Math.max(...xs);
  pointLoads.forEach((load, i) => {
    if (load.x < start || load.x > end)
      problems.push({
        path: `loads.pointLoads[${i}].x`,
        message: `Point load ${i + 1} at x = ${load.x} m is off the beam (${start} m to ${end} m).`,
      });
  });
  distributedLoads.forEach((load, i) => {
    if (load.x1 < start)
      problems.push({
        path: `loads.distributedLoads[${i}].x1`,
        message: `Distributed load ${i + 1} starts off the beam (before x = ${start} m).`,
      });
  });
  if (problems.length) throw new InputViolation(problems);

  const profile = profileNamed(section.profile);
  const weight = selfWeight ? profileSelfWeight(profile) : 0;
  const characteristic: BeamInput = {
    nodes: [...xs],
    E: steelE * 1e3, // MPa → kN/m²
    I: profile.Iy * 1e-8, // cm⁴ → m⁴
    supports: placed.map(({ x, type }): Support => ({ x, type })),
    pointLoads: pointLoads.map(({ x, F }) => ({ x, force: F })),
    distributedLoads: distributedLoads.map(({ x1, x2, q1, q2 }) => ({ x1, x2, q1, q2 })),
    selfWeight: weight,
  };
  return {
    profile,
    grade: section.grade,
    nodes: nodes.map(({ id, x }) => ({ id, x })).sort((a, b) => a.x - b.x),
    supports: placed,
    loadFactor,
    selfWeight: weight,
    characteristic,
    design: factored(characteristic, loadFactor),
  };
}

/** Every load of the input × factor. */
export function factored(input: BeamInput, factor: number): BeamInput {
  return {
    ...input,
    pointLoads: input.pointLoads?.map((load) => ({ ...load, force: load.force * factor })),
    distributedLoads: input.distributedLoads?.map((load) => ({ ...load, q1: load.q1 * factor, q2: (load.q2 ?? load.q1) * factor })),
    selfWeight: (input.selfWeight ?? 0) * factor,
  };
}

/** solveBeam, with its refusals turned into messages for the engineer. */
export function solve(input: BeamInput, options?: SolveOptions): BeamResult {
  try {
    return solveBeam(input, options);
  } catch (error) {
    if (error instanceof UnstableStructureError || error instanceof InvalidBeamError) throw new UserError(error.message);
    throw error;
  }
}

export interface BeamAnalysis {
  readonly model: BeamModel;
  /** Under the factored loads (ULS). */
  readonly design: BeamResult;
  /** Under the characteristic loads (SLS). */
  readonly characteristic: BeamResult;
  readonly checks: readonly CheckItem[];
  readonly sectionClass: 1 | 2 | 3 | 4;
  readonly fy: number;
}

/** The whole analysis of one set of params: both load levels solved, then checked. */
export function analyseBeam(params: BeamParams, options?: SolveOptions): BeamAnalysis {
  const model = beamModel(params);
  const design = solve(model.design, options);
  const characteristic = solve(model.characteristic, options);
  return {
    model,
    design,
    characteristic,
    checks: checkBeam({ profile: model.profile, grade: model.grade, uls: design, sls: characteristic }),
    sectionClass: classInBending(model.profile, model.grade),
    fy: yieldStrength(model.grade, model.profile.tf),
  };
}
