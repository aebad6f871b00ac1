// Params objects validated per second on one core, for a steel-beam parametrization with a 200-row
// nodes table, against hand-written zod schemas of the same shape as the baseline.
//
//   node --import tsx bench/validate-params.ts [--nodes 200] [--rounds 5]
//
// Each figure is the median of `rounds` rounds of one second, after a one-second warm-up, with the
// candidates interleaved so that a noisy neighbour hurts them all alike.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { parseArgs } from "node:util";
import * as z from "zod";
import { validateParams } from "@/lib/params";
import { walkLayout } from "@/lib/params/layout-tree";
import { PROFILES, steelBeam, steelBeamInput } from "@/lib/params/test-support/steel-beam";

const { values: args } = parseArgs({
  options: { nodes: { type: "string", default: "200" }, rounds: { type: "string", default: "5" } },
});
const nodeCount = Number(args.nodes);
const rounds = Number(args.rounds);
const TARGET_PER_SECOND = 20_000;

const input = steelBeamInput(nodeCount);
const refused = structuredClone(input);
refused.geometry.beam.length = 100; // one static rule broken: "Length must be at most 60 m"

// The baseline: what an author would write by hand in plain zod, with the same static rules.
const node = z.strictObject({
  id: z.string().min(1).max(20),
  x: z.number().min(0),
  z: z.number().default(0),
  support: z.enum(["free", "pinned", "roller", "fixed"]).default("free"),
});
const plainShape = z.strictObject({
  geometry: z.strictObject({
    beam: z.strictObject({
      family: z.enum(["IPE", "HEA", "HEB"]).default("IPE"),
      profile: z.string().default("IPE 300"),
      steel: z.enum(["S235", "S275", "S355"]).default("S355"),
      length: z.number().min(1).max(60).default(12),
    }),
    nodes: z.array(node).min(2).max(1000),
  }),
  loads: z.strictObject({
    selfWeight: z.boolean().default(true),
    points: z.array(
      z.strictObject({
        node: z.string(),
        Fz: z.number(),
        My: z.number().default(0),
        loadCase: z.enum(["dead", "live", "wind"]).default("live"),
      }),
    ),
    distributed: z.array(z.strictObject({ from: z.number().min(0), to: z.number().min(0), q: z.number() })),
    wind: z.strictObject({
      enabled: z.boolean().default(false),
      speed: z.number().min(0).max(60).default(26),
      terrain: z.enum(["0", "I", "II", "III", "IV"]).default("II"),
    }),
  }),
  analysis: z.strictObject({
    method: z.enum(["linear", "second order"]).default("linear"),
    elements: z.int().min(1).max(100).default(10),
    checkDeflection: z.boolean().default(true),
    deflectionLimit: z.int().min(100).max(1000).default(250),
    remarks: z.string().nullable().default(null),
  }),
});
// The same, with the parametrization's computed rules written as a refinement.
const plainWithRules = plainShape.superRefine((params, context) => {
  const { beam, nodes } = params.geometry;
  if (!(PROFILES[beam.family] as readonly string[]).includes(beam.profile)) {
    context.addIssue({ code: "custom", path: ["geometry", "beam", "profile"], message: "Profile must be one of the family's" });
  }
  nodes.forEach((row, index) => {
    if (row.x > beam.length) context.addIssue({ code: "custom", path: ["geometry", "nodes", index, "x"], message: "x beyond the beam" });
  });
  const ids = nodes.map((row) => row.id);
  params.loads.points.forEach((point, index) => {
    if (!ids.includes(point.node)) context.addIssue({ code: "custom", path: ["loads", "points", index, "node"], message: "unknown node" });
  });
});
const plainCompiled = z.compile(plainShape);

// [name, one validation returning whether it gave the expected answer, whether it is a baseline]
const candidates: [name: string, validate: () => boolean, baseline: boolean][] = [
  ["validateParams, from the browser", () => validateParams(steelBeam, input, { source: "browser" }).ok, false],
  ["validateParams, from storage", () => validateParams(steelBeam, input, { source: "storage" }).ok, false],
  ["validateParams, refused (1 error)", () => !validateParams(steelBeam, refused, { source: "browser" }).ok, false],
  ["plain zod, same shape, no computed rules", () => plainShape.safeParse(input).success, true],
  ["plain zod + computed rules as superRefine", () => plainWithRules.safeParse(input).success, true],
  ["plain zod + z.compile, no computed rules", () => plainCompiled.safeParse(input).success, true],
];
for (const [name, validate] of candidates) {
  if (!validate()) throw new Error(`${name}: did not give the expected answer`);
}

function perSecond(validate: () => boolean, milliseconds: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < milliseconds) {
    for (let i = 0; i < 50; i++) validate();
    count += 50;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

for (const [, validate] of candidates) perSecond(validate, 1000 / candidates.length);
const samples = candidates.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) {
  candidates.forEach(([, validate], index) => samples[index]?.push(perSecond(validate, 1000)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const results = samples.map(median);

const zodVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("zod/package.json"), "utf8")).version;
const fields = walkLayout(steelBeam.layout).filter(({ node }) => "label" in node && node.kind !== "tab" && node.kind !== "section");
const cpus = os.cpus();
const ours = results[0] ?? 0;
const format = (value: number) => Math.round(value).toLocaleString("en-US").padStart(9);

console.log("validate-params: params objects validated per second, on one core");
console.log(
  `  machine  ${cpus[0]?.model.trim() ?? "unknown cpu"} (${cpus.length} cores), ${os.platform()} ${os.arch()}, node ${process.version}, zod ${zodVersion}`,
);
console.log(
  `  params   steel beam: 3 tabs, ${fields.length} fields and columns, ${Object.keys(steelBeam.computed).length} computed rules; ` +
    `${nodeCount} nodes, ${input.loads.points.length} point loads; ${(JSON.stringify(input).length / 1000).toFixed(1)} kB of JSON`,
);
console.log(`  method   median of ${rounds} rounds of 1 s after a 1 s warm-up; candidates interleaved; same input object each call`);
console.log("");
candidates.forEach(([name, , baseline], index) => {
  const value = results[index] ?? 0;
  const ratio = baseline ? `   validateParams is ${(ours / value).toFixed(2)}× this` : "";
  console.log(`  ${name.padEnd(44)} ${format(value)} /s  ${(1e6 / value).toFixed(1).padStart(6)} µs${ratio}`);
});
console.log("");
console.log(
  `  target   ≥ ${TARGET_PER_SECOND.toLocaleString("en-US")}/s from the browser: ${ours >= TARGET_PER_SECOND ? "met" : "NOT met"}`,
);
