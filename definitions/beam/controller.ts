/**
 * The steel beam's views: every one a function of the params alone (VIKTOR's
 * call flow), from the same analysis: analyse-beam.ts maps the params to the
 * solver and checks the result; this file only shapes what each view shows.
 */
import {
  combinedView,
  controller,
  dataView,
  geometryView,
  imageView,
  pdfView,
  plotView,
  tableView,
  textPdf,
  webView,
  type DataItem,
  type PdfLine,
  type SceneObject,
} from "@/lib/controller";
import { analyseBeam, beamModel, solve, type BeamAnalysis } from "./analyse-beam";
import { beamButtons } from "./buttons";
import type { CheckItem } from "./check";
import { drawStructure, escapeXml, num } from "./draw-structure";
import { emptyEnvelope, envelopeAt, loadPositions } from "./full-analysis";
import { memoizedFullAnalysis } from "./memoized-full-analysis";
import { beamParams } from "./params";
import { sectionOutline } from "./section-outline";

const UNITS = { kNm: "kNm", kN: "kN", mm: "mm" } as const;

/** A status's colour in plots: the data view's green, amber and red. */
const STATUS_COLORS = { success: "#059669", warning: "#d97706", error: "#dc2626" } as const;

/** Positions of the moving load view: a frame each. 41 solves at the default 100 intervals take a few ms. */
const MOVING_LOAD_FRAMES = 41;

export const beamController = controller(beamParams, {
  views: {
    structure: imageView("Structure", ({ params }) => {
      const model = beamModel(params);
      return {
        kind: "image",
        format: "svg",
        data: drawStructure(model),
        alt: `The beam with its ${model.supports.length} supports and its loads`,
      };
    }),

    reactions: tableView("Reactions", ({ params }) => {
      const { model, design, characteristic } = analyseBeam(params);
      return {
        kind: "table",
        columns: [
          { key: "node", label: "Node", type: "text" },
          { key: "type", label: "Support", type: "text" },
          { key: "x", label: "x", type: "number", suffix: "m", decimals: 3 },
          { key: "R_Ed", label: "R_Ed", type: "number", suffix: "kN", decimals: 2 },
          { key: "M_Ed", label: "M_Ed", type: "number", suffix: "kNm", decimals: 2 },
          { key: "R_k", label: "R_k", type: "number", suffix: "kN", decimals: 2 },
        ],
        rows: model.supports.map((support, i) => ({
          node: support.node,
          type: support.type,
          x: support.x,
          R_Ed: design.reactions[i]!.force,
          M_Ed: design.reactions[i]!.moment,
          R_k: characteristic.reactions[i]!.force,
        })),
      };
    }),

    shear: plotView("Shear", ({ params }) => {
      const { model, design, characteristic } = analyseBeam(params);
      return {
        kind: "plot",
        x: { label: "x", unit: "m" },
        y: { label: "V", unit: "kN" },
        series: [
          { name: `V design (× ${model.loadFactor})`, type: "line", points: design.samples.map((s) => [s.x, s.V]) },
          { name: "V characteristic", type: "line", points: characteristic.samples.map((s) => [s.x, s.V]) },
        ],
      };
    }),

    moments: plotView("Moments", ({ params }) => {
      const { model, design, characteristic } = analyseBeam(params);
      return {
        kind: "plot",
        x: { label: "x", unit: "m" },
        // Sagging drawn below the axis, on the tension side, as engineers draw it.
        y: { label: "M", unit: "kNm", reversed: true },
        series: [
          { name: `M design (× ${model.loadFactor})`, type: "line", points: design.samples.map((s) => [s.x, s.M]) },
          { name: "M characteristic", type: "line", points: characteristic.samples.map((s) => [s.x, s.M]) },
        ],
      };
    }),

    check: dataView("Unity check", ({ params }) => ({ kind: "data", items: checkItems(analyseBeam(params)) })),

    checks: plotView(
      "Checks",
      { description: "Each check's unity check, coloured by its status, against the limit UC = 1." },
      ({ params }) => {
        const { checks } = analyseBeam(params);
        return {
          kind: "plot",
          x: { label: "Check", categories: checks.map((check) => check.name) },
          y: { label: "Unity check" },
          series: [
            {
              name: "Unity check",
              type: "bar",
              points: checks.map((check) => ({ x: check.name, y: check.uc, color: STATUS_COLORS[check.status] })),
            },
          ],
          referenceLines: [{ y: 1, label: "UC = 1", color: STATUS_COLORS.error }],
        };
      },
    ),

    movingLoad: plotView(
      "Moving load",
      { description: "The point loads moved across the beam as one group: the design moment at each position, and the envelope of all." },
      ({ params }) => {
        const model = beamModel(params);
        const positions = loadPositions(model.design, MOVING_LOAD_FRAMES).map((position) => ({
          ...position,
          samples: solve({ ...model.design, pointLoads: position.pointLoads }).samples,
        }));
        const [start, end] = [Math.min(...model.design.nodes), Math.max(...model.design.nodes)];
        const sections = Array.from({ length: 401 }, (_, i) => start + ((end - start) * i) / 400);
        const envelope = emptyEnvelope(sections.length);
        for (const { samples } of positions) envelopeAt(samples, sections, envelope);
        return {
          kind: "plot",
          x: { label: "x", unit: "m" },
          y: { label: "M", unit: "kNm", reversed: true },
          series: [
            { name: "Envelope, max", type: "line", color: "#94a3b8", points: sections.map((x, i) => [x, envelope.Mmax[i]!]) },
            { name: "Envelope, min", type: "line", color: "#cbd5e1", points: sections.map((x, i) => [x, envelope.Mmin[i]!]) },
          ],
          frames: positions.map(({ lead, samples }) => ({
            label: `First load at x = ${num(lead)} m`,
            series: [{ name: "M design", type: "line", color: "#2563eb", points: samples.map((s) => [s.x, s.M]) }],
          })),
        };
      },
    ),

    model: geometryView("3D model", ({ params }) => ({ kind: "geometry", objects: beamScene(analyseBeam(params)) })),

    fullAnalysis: combinedView(
      "Full analysis",
      {
        durationGuess: 6,
        description:
          "The point loads moved across the beam as one group, 600 positions each solved finely, and every section checked against the envelope.",
      },
      async ({ params, signal, progress }) => {
        const model = beamModel(params);
        const full = await memoizedFullAnalysis(model, { signal, progress });
        const governing = worst(full.checks);
        const maxM = Math.max(...full.Mmax.map(Math.abs), ...full.Mmin.map(Math.abs));
        const maxV = Math.max(...full.Vmax.map(Math.abs), ...full.Vmin.map(Math.abs));
        return {
          kind: "combined",
          main: {
            kind: "plot",
            x: { label: "x", unit: "m" },
            y: { label: "Unity check" },
            series: [
              { name: "Bending", type: "line", points: full.x.map((x, i) => [x, full.ucBending[i]!]) },
              { name: "Shear", type: "line", points: full.x.map((x, i) => [x, full.ucShear[i]!]) },
            ],
            referenceLines: [{ y: 1, label: "UC = 1", color: STATUS_COLORS.error }],
          },
          data: {
            kind: "data",
            items: [
              {
                label: "Governing unity check",
                value: governing.uc,
                decimals: 2,
                status: governing.status,
                message: `${governing.name} governs under the moving loads.`,
              },
              ...full.checks.map(checkItem),
              {
                label: "Envelope",
                value: null,
                children: [
                  { label: "Max |M|", value: maxM, suffix: "kNm", decimals: 1 },
                  { label: "Max |V|", value: maxV, suffix: "kN", decimals: 1 },
                  { label: "Load positions", value: full.positions },
                  { label: "Solves", value: full.solves },
                  { label: "Sections checked", value: full.x.length },
                ],
              },
            ],
          },
        };
      },
    ),

    sheet: webView("Calculation sheet", ({ params, entity }) => ({
      kind: "web",
      html: calculationSheet(analyseBeam(params), entity?.name ?? "Steel beam"),
    })),

    report: pdfView("Report", ({ params, entity }) => {
      const name = entity?.name ?? "Steel beam";
      return {
        kind: "pdf",
        fileName: `${name.replace(/[^\w.-]+/g, "-")}-report.pdf`,
        data: textPdf(`${name}: beam check`, reportLines(analyseBeam(params), name)),
      };
    }),
  },
  summary: { maxUnityCheck: { label: "Max UC", view: "check", item: "Max unity check" } },
  buttons: beamButtons,
});

function worst(checks: readonly CheckItem[]): CheckItem {
  return checks.reduce((a, b) => (b.uc > a.uc ? b : a));
}

function checkItem(check: CheckItem): DataItem {
  return {
    label: check.name,
    value: check.uc,
    decimals: 2,
    status: check.status,
    message: check.note,
    children: [
      {
        label: check.unit === "mm" ? "w" : check.unit === "kN" ? "V_Ed" : "M_Ed",
        value: check.value,
        suffix: UNITS[check.unit],
        decimals: 1,
      },
      {
        label: check.unit === "mm" ? "Limit" : check.unit === "kN" ? "V_pl,Rd" : "M_c,Rd",
        value: check.limit,
        suffix: UNITS[check.unit],
        decimals: 1,
      },
      { label: "At x", value: check.x, suffix: "m", decimals: 2 },
    ],
  };
}

/** The unity check: the governing value first (the summary reads it), then each check with its numbers. */
export function checkItems({ checks, model, sectionClass, fy }: BeamAnalysis): DataItem[] {
  const governing = worst(checks);
  return [
    { label: "Max unity check", value: governing.uc, decimals: 2, status: governing.status, message: `${governing.name} governs.` },
    ...checks.map(checkItem),
    {
      label: "Section",
      value: `${model.profile.name} ${model.grade}`,
      children: [
        { label: "Class in bending", value: sectionClass },
        { label: "fy", value: fy, suffix: "MPa" },
        { label: "Iy", value: model.profile.Iy, suffix: "cm⁴", decimals: 0 },
        { label: "Self-weight", value: model.selfWeight, suffix: "kN/m", decimals: 3 },
        { label: "Load factor", value: model.loadFactor, decimals: 2 },
      ],
    },
  ];
}

/** The beam in 3D: the profile extruded along x, supports under it, loads over it, nodes labelled. Z up, metres. */
export function beamScene({ model, checks }: BeamAnalysis): SceneObject[] {
  const { profile } = model;
  const xs = model.nodes.map((node) => node.x);
  const [start, end] = [Math.min(...xs), Math.max(...xs)];
  const depth = profile.h / 1000;
  const width = profile.b / 1000;
  const top = depth / 2;
  const arrow = Math.max(0.6, (end - start) / 8);
  const status = worst(checks).status;
  const supports: SceneObject[] = model.supports.map((support) => ({
    shape: "box",
    name: `Support ${support.node} (${support.type})`,
    center: support.type === "fixed" ? [support.x, 0, 0] : [support.x, 0, -top - 0.075],
    size: support.type === "fixed" ? [0.12, width + 0.2, depth + 0.3] : [0.2, width + 0.1, 0.15],
    material: { color: "#334155" },
  }));
  const pointLoads: SceneObject[] = (model.characteristic.pointLoads ?? []).flatMap((load, i): SceneObject[] => {
    const down = load.force >= 0;
    const [tail, head] = down ? [top + 0.08 + arrow, top + 0.08] : [top + 0.08, top + 0.08 + arrow];
    return [
      {
        shape: "cylinder",
        name: `Point load ${i + 1}: ${num(load.force)} kN at x = ${num(load.x)} m`,
        from: [load.x, 0, tail],
        to: [load.x, 0, head],
        radius: 0.025 * arrow,
        material: { color: "#dc2626" },
      },
      {
        shape: "sphere",
        name: `Point load ${i + 1}: ${num(load.force)} kN at x = ${num(load.x)} m`,
        center: [load.x, 0, head],
        radius: 0.06 * arrow,
        material: { color: "#dc2626" },
      },
      { shape: "label", at: [load.x, 0, top + 0.2 + arrow], text: `${num(load.force)} kN` },
    ];
  });
  const qMax = Math.max(1e-9, ...(model.characteristic.distributedLoads ?? []).flatMap((l) => [Math.abs(l.q1), Math.abs(l.q2 ?? l.q1)]));
  const distributed: SceneObject[] = (model.characteristic.distributedLoads ?? []).map((load, i) => {
    const h = (q: number) => top + 0.05 + (arrow * 0.6 * Math.abs(q)) / qMax;
    const q2 = load.q2 ?? load.q1;
    const [a, b] = [load.x1, load.x2];
    const w = width / 2;
    return {
      shape: "mesh",
      name: `Distributed load ${i + 1}: ${num(load.q1)} to ${num(q2)} kN/m`,
      material: { color: "#f87171", opacity: 0.45 },
      // A wedge over the beam: bottom at the top flange, top following q.
      vertices: [
        [a, -w, top + 0.05],
        [b, -w, top + 0.05],
        [b, w, top + 0.05],
        [a, w, top + 0.05],
        [a, -w, h(load.q1)],
        [b, -w, h(q2)],
        [b, w, h(q2)],
        [a, w, h(load.q1)],
      ],
      faces: [
        [0, 1, 5],
        [0, 5, 4],
        [1, 2, 6],
        [1, 6, 5],
        [2, 3, 7],
        [2, 7, 6],
        [3, 0, 4],
        [3, 4, 7],
        [4, 5, 6],
        [4, 6, 7],
        [0, 3, 2],
        [0, 2, 1],
      ],
    };
  });
  const labels: SceneObject[] = model.nodes.map((node) => ({ shape: "label", at: [node.x, 0, -top - 0.45], text: node.id }));
  return [
    {
      shape: "extrusion",
      name: `${profile.name} ${model.grade}, ${num(end - start)} m (${status === "success" ? "passes" : status === "warning" ? "close to its limit" : "fails"} the unity check)`,
      from: [start, 0, 0],
      to: [end, 0, 0],
      profile: sectionOutline(profile),
      material: { color: status === "error" ? "#b91c1c" : "#64748b", metalness: 0.4, roughness: 0.5 },
    },
    { shape: "group", name: "Supports", children: supports },
    { shape: "group", name: "Loads", children: [...pointLoads, ...distributed] },
    { shape: "group", name: "Nodes", children: labels },
  ];
}

function calculationSheet({ model, design, checks, sectionClass, fy }: BeamAnalysis, name: string): string {
  const rows = (cells: readonly (string | number)[][]) =>
    cells.map((row) => `<tr>${row.map((cell) => `<td>${escapeXml(String(cell))}</td>`).join("")}</tr>`).join("");
  const statusWord = { success: "OK", warning: "Warning", error: "Fails" } as const;
  const statusColor = { success: "#047857", warning: "#b45309", error: "#b91c1c" } as const;
  return `<h1 style="font-size:20px;margin:0 0 4px">${escapeXml(name)}</h1>
<p style="color:#475569;margin:0 0 12px">${escapeXml(model.profile.name)} in ${model.grade} (class ${sectionClass}, fy = ${fy} MPa); loads × ${model.loadFactor} for the ultimate limit state.</p>
<h2 style="font-size:16px">Supports and reactions (design)</h2>
<table><thead><tr><th>Node</th><th>Support</th><th>x [m]</th><th>R [kN]</th><th>M [kNm]</th></tr></thead><tbody>${rows(model.supports.map((s, i) => [s.node, s.type, num(s.x), design.reactions[i]!.force.toFixed(2), design.reactions[i]!.moment.toFixed(2)]))}</tbody></table>
<h2 style="font-size:16px">Checks (EN 1993-1-1, simplified)</h2>
<table><thead><tr><th>Check</th><th>Effect</th><th>Resistance / limit</th><th>UC</th><th>Status</th></tr></thead><tbody>${checks
    .map(
      (c) =>
        `<tr><td>${c.name}</td><td>${c.value.toFixed(1)} ${c.unit}</td><td>${c.limit.toFixed(1)} ${c.unit}</td><td><strong>${c.uc.toFixed(2)}</strong></td><td style="color:${statusColor[c.status]}"><strong>${statusWord[c.status]}</strong></td></tr>`,
    )
    .join("")}</tbody></table>
<p style="color:#475569;font-size:12px">${checks.map((c) => escapeXml(c.note)).join(" ")}</p>`;
}

function reportLines({ model, design, characteristic, checks, sectionClass, fy }: BeamAnalysis, name: string): PdfLine[] {
  const xs = model.nodes.map((node) => node.x);
  const governing = worst(checks);
  return [
    { text: `${name}: steel beam check`, size: 18, bold: true },
    { text: "Computed by Gusset from the entity's params; EN 1993-1-1, simplified (see the notes).", size: 9 },
    { text: "Input", size: 13, bold: true, gap: 14 },
    { text: `Length ${num(Math.max(...xs) - Math.min(...xs))} m; nodes ${model.nodes.map((n) => `${n.id} at ${num(n.x)} m`).join(", ")}.` },
    {
      text: `Section ${model.profile.name}, ${model.grade}: class ${sectionClass}, fy = ${fy} MPa, Iy = ${model.profile.Iy.toFixed(0)} cm4.`,
    },
    { text: `Supports: ${model.supports.map((s) => `${s.node} ${s.type}`).join(", ")}.` },
    {
      text: `Point loads: ${(model.characteristic.pointLoads ?? []).map((l) => `${num(l.force)} kN at ${num(l.x)} m`).join(", ") || "none"}.`,
    },
    {
      text: `Distributed loads: ${(model.characteristic.distributedLoads ?? []).map((l) => `${num(l.q1)} to ${num(l.q2 ?? l.q1)} kN/m from ${num(l.x1)} to ${num(l.x2)} m`).join(", ") || "none"}.`,
    },
    { text: `Self-weight ${model.selfWeight.toFixed(3)} kN/m; load factor ${model.loadFactor}.` },
    { text: "Results (design)", size: 13, bold: true, gap: 14 },
    ...model.supports.map((s, i) => ({
      text: `Reaction at ${s.node}: R = ${design.reactions[i]!.force.toFixed(2)} kN, M = ${design.reactions[i]!.moment.toFixed(2)} kNm`,
    })),
    {
      text: `Max moment ${design.maxMoment.value.toFixed(2)} kNm at x = ${num(design.maxMoment.x)} m; max shear ${design.maxShear.value.toFixed(2)} kN at x = ${num(design.maxShear.x)} m.`,
    },
    {
      text: `Max deflection (characteristic) ${(characteristic.maxDeflection.value * 1000).toFixed(2)} mm at x = ${num(characteristic.maxDeflection.x)} m.`,
    },
    { text: "Checks", size: 13, bold: true, gap: 14 },
    ...checks.flatMap((c) => [
      {
        text: `${c.name}: ${c.value.toFixed(1)} / ${c.limit.toFixed(1)} ${c.unit} = UC ${c.uc.toFixed(2)} (${c.status === "success" ? "OK" : c.status === "warning" ? "warning" : "FAILS"})`,
        bold: true,
      },
      { text: c.note, size: 9 },
    ]),
    { text: `Governing: ${governing.name}, unity check ${governing.uc.toFixed(2)}.`, size: 12, bold: true, gap: 10 },
  ];
}
