/**
 * A small PDF of text lines, for views and reports that need a printable
 * sheet without a PDF library: A4 pages, Helvetica (the PDF standard font, no
 * embedding), lines flowing onto new pages. Characters outside the Latin-1
 * part of WinAnsi are written as their nearest ASCII ("≤" as "<="), since the
 * standard fonts have no others.
 */

export interface PdfLine {
  readonly text: string;
  /** Points. Default 10. */
  readonly size?: number;
  readonly bold?: boolean;
  /** Space above the line, in points. Default 0. */
  readonly gap?: number;
}

const PAGE = { width: 595, height: 842, margin: 56 };
const FALLBACKS: Record<string, string> = {
  "≤": "<=",
  "≥": ">=",
  "→": "->",
  "−": "-",
  "–": "-",
  "—": "-",
  γ: "gamma",
  "√": "sqrt",
  ε: "eps",
  ρ: "rho",
  "…": "...",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "✓": "OK",
  "✕": "x",
};

/** The PDF file's bytes in base64, as a `pdfView` result's `data` takes them. */
export function textPdf(title: string, lines: readonly PdfLine[]): string {
  const pages: string[][] = [[]];
  let y = PAGE.height - PAGE.margin;
  for (const line of lines) {
    const size = line.size ?? 10;
    const advance = (line.gap ?? 0) + size * 1.35;
    if (y - advance < PAGE.margin) {
      pages.push([]);
      y = PAGE.height - PAGE.margin;
    }
    y -= advance;
    pages.at(-1)!.push(`BT /${line.bold ? "F2" : "F1"} ${size} Tf ${PAGE.margin} ${y.toFixed(2)} Td (${pdfString(line.text)}) Tj ET`);
  }

  // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  objects[5] = `<< /Title (${pdfString(title)}) /Producer (Gusset) >>`;
  pages.forEach((content, i) => {
    const stream = content.join("\n");
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${latin1Length(stream)} >>\nstream\n${stream}\nendstream`;
  });

  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = latin1Length(body);
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = latin1Length(body);
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("")}`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return btoa(body); // every character is Latin-1 by now, which is what btoa encodes
}

/** A PDF literal string's content: Latin-1 only, with ( ) \ escaped. */
function pdfString(text: string): string {
  return [...text]
    .map((c) => FALLBACKS[c] ?? (c.charCodeAt(0) <= 0xff ? c : "?"))
    .join("")
    .replace(/[\\()]/g, (c) => `\\${c}`);
}

function latin1Length(text: string): number {
  return text.length; // every character is one byte once written as Latin-1
}
