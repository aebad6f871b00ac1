import { validateParams, type Parametrization, type ParamsOf } from "@/lib/params";

/**
 * Params from an uploaded file (the seed's fourth trigger, VIKTOR's
 * ParamsFromFile): a parser turns the file into params, and everything it
 * returns is validated like params from the browser. A bad file is refused
 * with problems that name where: a line and column, or a field path.
 */

export interface FileProblem {
  /** 1-based line of the file, when the problem is at one. */
  readonly line?: number;
  /** 1-based column (or field of a CSV line), when known. */
  readonly column?: number;
  /** The params path, when the problem is a value the parametrization refuses. */
  readonly path?: string;
  readonly message: string;
}

export type FileImport<P> =
  { readonly ok: true; readonly params: P; readonly name?: string } | { readonly ok: false; readonly problems: readonly FileProblem[] };

export interface UploadedFile {
  readonly name: string;
  readonly text: string;
}

/** How an entity type is created from a file. */
export interface FromFile<P extends Parametrization> {
  /** Shown on the upload button: "Beam from CSV". */
  readonly label: string;
  /** File name extensions accepted, with the dot: [".csv"]. */
  readonly accept: readonly string[];
  /** Reads the file into (unvalidated) params, or problems. Must not throw on bad input. */
  readonly parse: (file: UploadedFile) => FileImport<unknown>;
  /** @internal the parametrization the result is validated against */
  readonly params?: P;
}

/** "Line 4, column 3: …" — the message an engineer sees for a problem. */
export function describeProblem(problem: FileProblem): string {
  const where = [problem.line && `line ${problem.line}`, problem.column && `column ${problem.column}`].filter(Boolean).join(", ");
  const place = where ? `${where[0]!.toUpperCase()}${where.slice(1)}` : problem.path;
  return place ? `${place}: ${problem.message}` : problem.message;
}

/** Parses an upload with `fromFile` and validates the params; never throws. */
export function paramsFromFile<P extends Parametrization>(
  parametrization: P,
  fromFile: Pick<FromFile<P>, "accept" | "parse">,
  file: UploadedFile,
): FileImport<ParamsOf<P>> {
  const extension = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".")).toLowerCase() : "";
  if (!fromFile.accept.includes(extension)) {
    return { ok: false, problems: [{ message: `"${file.name}" is not a ${fromFile.accept.join(" or ")} file.` }] };
  }
  let parsed: FileImport<unknown>;
  try {
    parsed = fromFile.parse(file);
  } catch (error) {
    return { ok: false, problems: [{ message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!parsed.ok) return parsed;
  const validated = validateParams(parametrization, parsed.params, { source: "browser" });
  if (!validated.ok) return { ok: false, problems: validated.errors.map((e) => ({ path: e.path, message: e.message })) };
  return { ok: true, params: validated.params, name: parsed.name };
}

// ─── JSON export and import of any entity's params ──────────────────────────

/** The file an entity's params are exported to, and imported from. */
export function paramsToJson(entity: { type: string; name: string; params: unknown }): string {
  return `${JSON.stringify({ gusset: 1, type: entity.type, name: entity.name, params: entity.params }, null, 2)}\n`;
}

/** A parser for `paramsToJson` files of one entity type, for `fromFile.parse`. */
export function paramsJsonParser(type: string): (file: UploadedFile) => FileImport<unknown> {
  return ({ text }) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, problems: [{ ...jsonErrorPlace(text, error), message: `This is not valid JSON (${jsonErrorReason(error)}).` }] };
    }
    if (typeof value !== "object" || value === null || (value as { gusset?: unknown }).gusset !== 1 || !("params" in value)) {
      return {
        ok: false,
        problems: [{ line: 1, column: 1, message: 'This is not a Gusset params file: it needs "gusset": 1 and "params".' }],
      };
    }
    const file = value as { type?: unknown; name?: unknown; params: unknown };
    if (file.type !== type)
      return { ok: false, problems: [{ path: "type", message: `This file holds a ${String(file.type)}, not a ${type}.` }] };
    return { ok: true, params: file.params, name: typeof file.name === "string" ? file.name : undefined };
  };
}

/** Where JSON.parse stopped, as line and column (V8 says "at position N" or "line L column C"). */
function jsonErrorPlace(text: string, error: unknown): { line?: number; column?: number } {
  const message = error instanceof Error ? error.message : "";
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return text.trim() === "" ? { line: 1, column: 1 } : {};
  const before = text.slice(0, Number(position[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/ in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
}
