/**
 * The structure view's picture: the beam to scale with its nodes, supports,
 * loads and dimensions, as SVG text (no DOM: it is built on the server).
 */
import type { BeamModel } from "./analyse-beam";

const WIDTH = 760;
const HEIGHT = 280;
const MARGIN = 70;
const BEAM_Y = 150;
const LOAD_TOP = 58;

/** Numbers as an engineer writes them: at most 3 decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** Text for SVG: node ids come from the engineer, so escape them. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface TextStyle {
  readonly size?: number;
  readonly fill?: string;
  readonly anchor?: "start" | "middle" | "end";
  readonly bold?: boolean;
}

export function drawStructure(model: BeamModel): string {
  const xs = model.nodes.map((node) => node.x);
  const start = Math.min(...xs);
  const end = Math.max(...xs);
  const scale = (WIDTH - 2 * MARGIN) / (end - start);
  const px = (x: number) => MARGIN + (x - start) * scale;
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, style: TextStyle = {}) =>
    `<text x="${num(x)}" y="${num(y)}" font-family="system-ui, sans-serif" font-size="${style.size ?? 12}" fill="${style.fill ?? "#1e293b"}" text-anchor="${style.anchor ?? "middle"}"${style.bold ? ' font-weight="600"' : ""}>${escapeXml(content)}</text>`;

  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(text(WIDTH / 2, 22, `${model.profile.name} · ${model.grade} · L = ${num(end - start)} m`, { size: 14, bold: true }));
  if (model.selfWeight > 0)
    parts.push(text(WIDTH - 8, 22, `self-weight ${num(model.selfWeight)} kN/m included`, { anchor: "end", fill: "#64748b", size: 11 }));

  // Distributed loads: a band of arrows whose height follows q.
  const qMax = Math.max(
    1e-9,
    ...(model.characteristic.distributedLoads ?? []).flatMap((load) => [Math.abs(load.q1), Math.abs(load.q2 ?? load.q1)]),
  );
  for (const load of model.characteristic.distributedLoads ?? []) {
    const q2 = load.q2 ?? load.q1;
    const h = (q: number) => 12 + (34 * Math.abs(q)) / qMax;
    const [a, b] = [px(load.x1), px(load.x2)];
    const top1 = BEAM_Y - 8 - h(load.q1);
    const top2 = BEAM_Y - 8 - h(q2);
    parts.push(
      `<polygon points="${num(a)},${BEAM_Y - 8} ${num(a)},${num(top1)} ${num(b)},${num(top2)} ${num(b)},${BEAM_Y - 8}" fill="#fee2e2" stroke="#dc2626" stroke-width="1"/>`,
    );
    const count = Math.max(2, Math.round((b - a) / 24));
    for (let i = 0; i <= count; i++) {
      const x = a + ((b - a) * i) / count;
      const top = top1 + ((top2 - top1) * i) / count;
      parts.push(arrow(x, top, BEAM_Y - 8, "#dc2626", 1));
    }
    parts.push(
      text((a + b) / 2, Math.min(top1, top2) - 6, load.q1 === q2 ? `q = ${num(load.q1)} kN/m` : `q = ${num(load.q1)} → ${num(q2)} kN/m`, {
        fill: "#b91c1c",
      }),
    );
  }

  // The beam, with its nodes.
  parts.push(
    `<line x1="${num(px(start))}" y1="${BEAM_Y}" x2="${num(px(end))}" y2="${BEAM_Y}" stroke="#1e3a8a" stroke-width="6" stroke-linecap="square"/>`,
  );
  for (const node of model.nodes) {
    parts.push(`<circle cx="${num(px(node.x))}" cy="${BEAM_Y}" r="3.5" fill="#ffffff" stroke="#1e3a8a" stroke-width="1.5"/>`);
  }

  for (const support of model.supports)
    parts.push(drawSupport(px(support.x), support.type, support.x === start ? -1 : support.x === end ? 1 : 0));

  // Point loads: downward arrows for positive F, upward for negative.
  for (const load of model.characteristic.pointLoads ?? []) {
    const x = px(load.x);
    parts.push(load.force >= 0 ? arrow(x, LOAD_TOP, BEAM_Y - 5, "#b91c1c", 2.5) : arrow(x, BEAM_Y - 5, LOAD_TOP, "#b91c1c", 2.5));
    parts.push(text(x + 6, LOAD_TOP - 6, `${num(load.force)} kN`, { anchor: "start", fill: "#b91c1c", bold: true }));
  }

  // Node ids and the dimension line.
  const dimY = HEIGHT - 30;
  for (const node of model.nodes) {
    const x = px(node.x);
    parts.push(text(x, BEAM_Y + 48, node.id, { bold: true }));
    parts.push(`<line x1="${num(x)}" y1="${dimY - 6}" x2="${num(x)}" y2="${dimY + 6}" stroke="#475569"/>`);
  }
  parts.push(`<line x1="${num(px(start))}" y1="${dimY}" x2="${num(px(end))}" y2="${dimY}" stroke="#475569"/>`);
  for (let i = 0; i + 1 < model.nodes.length; i++) {
    const [a, b] = [model.nodes[i]!.x, model.nodes[i + 1]!.x];
    parts.push(text((px(a) + px(b)) / 2, dimY - 6, `${num(b - a)} m`, { fill: "#475569", size: 11 }));
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">${parts.join("")}</svg>`;
}

function arrow(x: number, from: number, to: number, color: string, width: number): string {
  const dir = Math.sign(to - from) || 1;
  const head = 7;
  return `<line x1="${num(x)}" y1="${num(from)}" x2="${num(x)}" y2="${num(to - dir * head)}" stroke="${color}" stroke-width="${width}"/><polygon points="${num(x)},${num(to)} ${num(x - 4)},${num(to - dir * head)} ${num(x + 4)},${num(to - dir * head)}" fill="${color}"/>`;
}

/** A support symbol at pixel x: a triangle (pinned), a triangle on rollers, or a clamp (fixed) on the side away from the beam. */
function drawSupport(x: number, type: "pinned" | "roller" | "fixed", side: -1 | 0 | 1): string {
  const stroke = 'stroke="#0f172a" stroke-width="1.5"';
  const hatch = (x1: number, x2: number, y: number) =>
    Array.from(
      { length: Math.floor((x2 - x1) / 6) + 1 },
      (_, i) => `<line x1="${num(x1 + i * 6)}" y1="${num(y)}" x2="${num(x1 + i * 6 - 6)}" y2="${num(y + 6)}" ${stroke}/>`,
    ).join("");
  if (type === "fixed") {
    const wall = side === 0 ? 0 : side * 4;
    const x0 = x + wall;
    const lines = Array.from({ length: 7 }, (_, i) => {
      const y = BEAM_Y - 24 + i * 8;
      return `<line x1="${num(x0)}" y1="${num(y)}" x2="${num(x0 + (side || 1) * 8)}" y2="${num(y + 6)}" ${stroke}/>`;
    }).join("");
    return `<line x1="${num(x0)}" y1="${BEAM_Y - 26}" x2="${num(x0)}" y2="${BEAM_Y + 26}" stroke="#0f172a" stroke-width="3"/>${lines}`;
  }
  const top = BEAM_Y + 4;
  const base = BEAM_Y + 24;
  let out = `<polygon points="${num(x)},${top} ${num(x - 12)},${base} ${num(x + 12)},${base}" fill="#e2e8f0" ${stroke}/>`;
  let ground = base;
  if (type === "roller") {
    out += `<circle cx="${num(x - 6)}" cy="${base + 4}" r="3.5" fill="#ffffff" ${stroke}/><circle cx="${num(x + 6)}" cy="${base + 4}" r="3.5" fill="#ffffff" ${stroke}/>`;
    ground = base + 8;
  }
  return `${out}<line x1="${num(x - 16)}" y1="${ground}" x2="${num(x + 16)}" y2="${ground}" ${stroke}/>${hatch(x - 12, x + 16, ground)}`;
}
