/**
 * What a file is, read from its bytes, never from its name or the type the browser claims:
 * PDF, PNG, JPEG and ZIP (XLSX, DOCX) by their magic bytes; CSV, text and JSON as valid UTF-8
 * without NUL bytes (JSON must parse). The extension then picks among what the content allows,
 * so "drawing.pdf" holding a PNG is refused rather than stored as a PDF.
 */

export type ContentKind = "pdf" | "png" | "jpeg" | "zip" | "text" | "json" | "binary";

const MAGIC: readonly (readonly [ContentKind, readonly number[]])[] = [
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["jpeg", [0xff, 0xd8, 0xff]],
  ["zip", [0x50, 0x4b, 0x03, 0x04]], // PK\3\4: also XLSX, DOCX
];

/** The kind of content the bytes hold. */
export function contentKindOf(bytes: Uint8Array): ContentKind {
  for (const [kind, magic] of MAGIC) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return kind;
  }
  if (bytes.includes(0)) return "binary";
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "binary";
  }
  try {
    JSON.parse(text);
    return "json";
  } catch {
    return "text";
  }
}

/** The MIME type of each extension we know, and the content kinds it may hold. */
const EXTENSIONS: Readonly<Record<string, { type: string; kinds: readonly ContentKind[] }>> = {
  ".pdf": { type: "application/pdf", kinds: ["pdf"] },
  ".png": { type: "image/png", kinds: ["png"] },
  ".jpg": { type: "image/jpeg", kinds: ["jpeg"] },
  ".jpeg": { type: "image/jpeg", kinds: ["jpeg"] },
  ".zip": { type: "application/zip", kinds: ["zip"] },
  ".xlsx": { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kinds: ["zip"] },
  ".docx": { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kinds: ["zip"] },
  ".csv": { type: "text/csv", kinds: ["text", "json"] },
  ".txt": { type: "text/plain", kinds: ["text", "json"] },
  ".json": { type: "application/json", kinds: ["json"] },
};

const TYPE_OF_KIND: Record<ContentKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  zip: "application/zip",
  text: "text/plain",
  json: "application/json",
  binary: "application/octet-stream",
};

const KIND_WORDS: Record<ContentKind, string> = {
  pdf: "a PDF",
  png: "a PNG image",
  jpeg: "a JPEG image",
  zip: "a ZIP archive (or XLSX, DOCX)",
  text: "text",
  json: "JSON",
  binary: "binary data of an unknown kind",
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/**
 * The MIME type to store a file as: the extension's when the content is what that extension holds,
 * the content's own for an unknown extension; or why the name and the content disagree.
 */
export function detectFileType(
  name: string,
  bytes: Uint8Array,
): { ok: true; type: string; kind: ContentKind } | { ok: false; message: string } {
  const kind = contentKindOf(bytes);
  const extension = EXTENSIONS[extensionOf(name)];
  if (!extension) return { ok: true, type: TYPE_OF_KIND[kind], kind };
  if (!extension.kinds.includes(kind)) {
    return { ok: false, message: `"${name}" is named ${extensionOf(name)}, but its content is ${KIND_WORDS[kind]}.` };
  }
  return { ok: true, type: extension.type, kind };
}

/** Whether a file (name and detected type) matches one of a field's `accept` patterns, as the params schema checks it. */
export function acceptsFile(accept: readonly string[] | undefined, name: string, type: string): boolean {
  if (!accept || accept.length === 0) return true;
  const lowerName = name.toLowerCase();
  return accept.some((pattern) => {
    const wanted = pattern.toLowerCase();
    if (wanted.startsWith(".")) return lowerName.endsWith(wanted);
    if (wanted.endsWith("/*")) return type.startsWith(wanted.slice(0, -1));
    return type === wanted;
  });
}
