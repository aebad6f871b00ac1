"use client";

import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from "react";
import { newRow, type ColumnField, type ParamsDraft, type TableField } from "@/lib/params";
import type { FormAction } from "./form-state";
import { isCellBlock, parseClipboardRows, pasteIntoRows } from "./paste-rows";

export interface GridKeyboardOptions {
  /** The table's value path. */
  readonly path: string;
  readonly field: TableField;
  readonly rows: readonly ParamsDraft[];
  readonly readOnly: boolean;
  readonly dispatch: (action: FormAction) => void;
}

/**
 * A table grid's keyboard and clipboard, on cells that carry `data-row` and `data-column`: Enter
 * (Shift+Enter) and the up/down arrows move down (up) a column, Enter on the last row adds a row
 * and moves into it, and tab-separated cells pasted into a cell fill the grid from there, adding
 * rows as needed. Tab is left to the browser (along the row).
 */
export function useGridKeyboard({ path, field, rows, readOnly, dispatch }: GridKeyboardOptions) {
  const tableRef = useRef<HTMLTableElement>(null);
  // A row added from the keyboard exists only after the next render; focus moves into it then.
  const focusAfterRender = useRef<{ row: number; column: number } | null>(null);
  const full = field.maxRows !== undefined && rows.length >= field.maxRows;

  const focusCell = (row: number, column: number) => {
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-column="${column}"]`)?.focus();
  };

  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    focusCell(target.row, target.column);
  });

  /** Adds a row at `index`, then focuses its cell in `focusColumn` (null: focus stays). */
  const addRow = (index: number, focusColumn: number | null) => {
    if (full) return;
    dispatch({ type: "insertRow", path, index, row: newRow(field) });
    if (focusColumn !== null) focusAfterRender.current = { row: index, column: focusColumn };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell || event.altKey || event.ctrlKey || event.metaKey) return;
    const { row, column } = cell;
    // A select's own arrows change its value.
    const isSelect = (event.target as HTMLElement).tagName === "SELECT";
    if (event.key === "Enter") {
      event.preventDefault();
      if (event.shiftKey) focusCell(Math.max(0, row - 1), column);
      else if (row + 1 < rows.length) focusCell(row + 1, column);
      else if (!readOnly) addRow(rows.length, column);
    } else if (!isSelect && event.key === "ArrowDown" && row + 1 < rows.length) {
      event.preventDefault();
      focusCell(row + 1, column);
    } else if (!isSelect && event.key === "ArrowUp" && row > 0) {
      event.preventDefault();
      focusCell(row - 1, column);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    const text = event.clipboardData.getData("text/plain");
    if (readOnly || !cell || !isCellBlock(text)) return;
    event.preventDefault();
    const entries = Object.entries(field.columns) as [string, ColumnField][];
    const next = pasteIntoRows(rows, entries, cell.row, cell.column, parseClipboardRows(text), () => newRow(field), field.maxRows);
    dispatch({ type: "set", path, value: next });
  };

  return { tableRef, full, addRow, onKeyDown, onPaste };
}

/** The grid position an event's target names, or null for anything that is not a cell. */
function cellOf(target: EventTarget): { row: number; column: number } | null {
  const { dataset } = target as HTMLElement;
  const row = Number(dataset?.row);
  const column = Number(dataset?.column);
  return Number.isNaN(row) || Number.isNaN(column) ? null : { row, column };
}
