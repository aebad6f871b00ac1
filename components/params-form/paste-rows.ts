// Pasting a block of cells copied from a spreadsheet into a table: pure, unit-tested.
import type { ColumnField, ParamsDraft } from "@/lib/params";

/**
 * The cells of text copied from a spreadsheet: rows on lines, cells split by tabs. A trailing line
 * break (spreadsheets add one) makes no empty row.
 */
export function parseClipboardRows(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines.map((line) => line.split("\t"));
}

/** Whether pasted text is a block of cells rather than a value for one cell. */
export function isCellBlock(text: string): boolean {
  return /[\t\n]/.test(text.replace(/\r?\n$/, ""));
}

/**
 * The value a cell of this column takes from pasted text. What cannot be read is kept as typed,
 * so that validation marks the cell, as it would had it been typed.
 */
export function cellValue(column: ColumnField, text: string): unknown {
  const trimmed = text.trim();
  switch (column.kind) {
    case "number":
    case "integer":
      return parseNumber(trimmed);
    case "boolean":
      return /^(true|yes|y|1|x|on|ja|waar)$/i.test(trimmed);
    case "option": {
      if (trimmed === "") return null;
      const match = (column.options ?? []).find((option) => {
        const [value, label] = typeof option === "object" ? [option.value, option.label] : [option, String(option)];
        return String(value).toLowerCase() === trimmed.toLowerCase() || label.toLowerCase() === trimmed.toLowerCase();
      });
      return match === undefined ? trimmed : typeof match === "object" ? match.value : match;
    }
    default:
      return trimmed === "" ? null : trimmed;
  }
}

/**
 * Reads a number as an engineer types it: `""` is empty (null), a decimal comma is accepted
 * (`3,5`), anything else unreadable is kept as the text.
 */
export function parseNumber(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(trimmed)) return text;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : text;
}

/**
 * The rows after pasting `cells` with their top-left cell at (`startRow`, `startColumn`): cells
 * past the last column are dropped, rows past the last row are added (from `newRow`) up to
 * `maxRows`.
 */
export function pasteIntoRows(
  rows: readonly ParamsDraft[],
  columns: readonly (readonly [string, ColumnField])[],
  startRow: number,
  startColumn: number,
  cells: readonly (readonly string[])[],
  newRow: () => ParamsDraft,
  maxRows = Number.POSITIVE_INFINITY,
): ParamsDraft[] {
  const next = [...rows];
  cells.forEach((line, offset) => {
    const index = startRow + offset;
    if (index >= maxRows) return;
    const row: ParamsDraft = { ...(next[index] ?? newRow()) };
    line.forEach((text, column) => {
      const target = columns[startColumn + column];
      if (target) row[target[0]] = cellValue(target[1], text);
    });
    next[index] = row;
  });
  return next;
}
