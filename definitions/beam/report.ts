import PDFDocument from "pdfkit";
import type { BeamResult } from "./beam-model";
import type { CheckItem } from "./check";

/**
 * The beam's report: a PDF with the inputs, the shear, moment and deflection
 * diagrams and the unity check; and a CSV of the internal forces. Both are
 * made from an analysis, never stored: a download runs them anew (the seed's
 * "a report is generated each time the user clicks the DownloadButton").
 */

export interface BeamReportInput {
  readonly title: string;
  /** The inputs as the engineer sees them: label and value with its unit. */
  readonly inputs: readonly (readonly [string, string])[];
  readonly result: BeamResult;
  readonly checks: readonly CheckItem[];
}

const STATUS_WORDS: Record<CheckItem["status"], string> = { success: "OK", warning: "Near limit", error: "Fails" };
const BLUE = "#2359c0";

/** The report as PDF bytes. */
export async function beamReportPdf(input: BeamReportInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: input.title, Producer: "Gusset" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).fillColor("#0f172a").text(input.title);
  doc
    .fontSize(9)
    .fillColor("#64748b")
    .text(`Steel beam report, made by Gusset on ${new Date().toISOString().slice(0, 10)}`);
  doc.moveDown();

  heading(doc, "Inputs");
  for (const [label, value] of input.inputs) row(doc, label, value);
  doc.moveDown();

  heading(doc, "Unity check");
  for (const check of input.checks) {
    row(
      doc,
      check.name,
      `${fmt(check.value)} / ${fmt(check.limit)} ${check.unit}   UC ${check.uc.toFixed(2)}   ${STATUS_WORDS[check.status]}`,
    );
  }
  const worst = Math.max(...input.checks.map((c) => c.uc));
  doc
    .moveDown(0.5)
    .fontSize(10)
    .fillColor(worst > 1 ? "#b91c1c" : "#15803d")
    .text(`Governing unity check: ${worst.toFixed(2)} (${worst > 1 ? "the beam fails" : "the beam passes"})`);
  doc.moveDown();

  const { samples } = input.result;
  heading(doc, "Reactions");
  for (const reaction of input.result.reactions)
    row(doc, `Support at x = ${fmt(reaction.x)} m`, `${fmt(reaction.force)} kN${reaction.moment ? `, ${fmt(reaction.moment)} kNm` : ""}`);
  doc.moveDown();

  heading(doc, "Diagrams");
  diagram(
    doc,
    "Shear force V (kN)",
    samples.map((s) => [s.x, s.V]),
  );
  diagram(
    doc,
    "Bending moment M (kNm), sagging drawn below the axis",
    samples.map((s) => [s.x, s.M]),
    { downward: true },
  );
  diagram(
    doc,
    "Deflection w (mm), drawn as the beam bends",
    samples.map((s) => [s.x, s.w * 1000]),
    { downward: true },
  );

  doc.end();
  return done;
}

/** The internal forces at every sample, as CSV (x, V, M, w), with a header line. */
export function beamForcesCsv(result: BeamResult): string {
  const lines = ["x_m,V_kN,M_kNm,w_mm", ...result.samples.map((s) => [s.x, s.V, s.M, s.w * 1000].map((v) => round(v)).join(","))];
  return `${lines.join("\n")}\n`;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.fontSize(12).fillColor(BLUE).text(text);
  doc.moveDown(0.3);
}

function row(doc: PDFKit.PDFDocument, label: string, value: string): void {
  const y = doc.y;
  doc.fontSize(10).fillColor("#334155").text(label, 50, y, { width: 200 });
  doc.fillColor("#0f172a").text(value, 260, y, { width: 285 });
  doc.x = 50;
}

/**
 * A line diagram of (x, value) points, 495 × 110 pt, with its zero line and
 * extremes labelled; `downward` draws positive values below the axis (sagging
 * moments on the tension side, deflection as the beam bends).
 */
function diagram(doc: PDFKit.PDFDocument, title: string, points: readonly (readonly [number, number])[], { downward = false } = {}): void {
  const width = 495;
  const height = 110;
  if (doc.y + height + 50 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.fontSize(10).fillColor("#334155").text(title, 50, doc.y);
  const top = doc.y + 16; // room for a label above the highest point
  const xs = points.map(([x]) => x);
  const sign = downward ? -1 : 1;
  const vs = points.map(([, v]) => sign * v);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [lo, hi] = [Math.min(0, ...vs), Math.max(0, ...vs)];
  const sx = (x: number) => 50 + ((x - x0) / (x1 - x0 || 1)) * width;
  const sy = (v: number) => top + height - ((v - lo) / (hi - lo || 1)) * height;
  doc.lineWidth(0.5).strokeColor("#94a3b8").moveTo(sx(x0), sy(0)).lineTo(sx(x1), sy(0)).stroke();
  doc.lineWidth(1.2).strokeColor(BLUE);
  points.forEach(([x, v], i) => (i === 0 ? doc.moveTo(sx(x), sy(sign * v)) : doc.lineTo(sx(x), sy(sign * v))));
  doc.stroke();
  const iMax = vs.indexOf(Math.max(...vs));
  const iMin = vs.indexOf(Math.min(...vs));
  doc.fontSize(8).fillColor("#0f172a");
  for (const i of new Set([iMax, iMin])) {
    const [x, v] = points[i]!;
    const drawn = sign * v;
    doc.text(`${fmt(v)} at ${fmt(x)} m`, Math.min(sx(x), 50 + width - 90), sy(drawn) + (drawn >= 0 ? -10 : 2), {
      width: 90,
      lineBreak: false,
    });
  }
  doc.x = 50;
  doc.y = top + height + 14;
}

function fmt(value: number): string {
  return (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)).replace(/^-0(\.0+)?$/, "0$1");
}

function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
