"use client";

import type { ColumnField, ParamsDraft, ResolvedNode, TableField } from "@/lib/params";
import { Button } from "@/components/ui/button";
import { fieldId, useFormContext } from "./form-context";
import { OptionSelect } from "./field-control";
import { NumberInput } from "./number-input";
import { useGridKeyboard } from "./use-grid-keyboard";

const CELL =
  "w-full min-w-[5rem] rounded border border-transparent bg-transparent px-2 py-1 text-sm hover:border-slate-300 focus:border-brand-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:text-slate-500 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";
// A grid row's move and remove glyphs: grey until hovered.
const ROW_CONTROL = "py-0.5 text-slate-500 hover:text-slate-900";

/**
 * A table field as an editable grid. Each cell's accessible name is its column's label and row
 * number ("Force row 2"). Keyboard and paste: useGridKeyboard (Enter and the arrows move along a
 * column, Enter on the last row adds one, spreadsheet cells paste in); the "Add row" button and
 * each row's move and remove buttons are ordinary buttons.
 */
export function TableGrid({ node, value }: { node: ResolvedNode; value: unknown }) {
  const { dispatch, errors, readOnly, idPrefix } = useFormContext();
  const field = node.definition as TableField;
  const rows = (Array.isArray(value) ? value : []) as ParamsDraft[];
  const columns = node.columns ?? [];
  const id = fieldId(idPrefix, node.path);
  const tableErrors = errors.get(node.path) ?? [];
  const { tableRef, full, addRow, onKeyDown, onPaste } = useGridKeyboard({ path: node.path, field, rows, readOnly, dispatch });

  return (
    <div className="min-w-0 space-y-2">
      <div className="flex items-baseline justify-between gap-2">
        <span id={`${id}-label`} className="text-sm font-medium text-slate-700">
          {field.label}
        </span>
        <span className="text-xs text-slate-500">
          {rows.length} {rows.length === 1 ? "row" : "rows"}
        </span>
      </div>
      {field.description && (
        <p id={`${id}-description`} className="text-xs text-slate-500">
          {field.description}
        </p>
      )}
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table
          ref={tableRef}
          role="grid"
          aria-labelledby={`${id}-label`}
          aria-describedby={tableErrors.length > 0 ? `${id}-error` : undefined}
          className="w-full border-collapse text-sm"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        >
          <GridHead columns={columns} withRowActions={!readOnly} />
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2} className="px-3 py-3 text-center text-xs text-slate-500">
                  No rows yet.
                </td>
              </tr>
            )}
            {rows.map((row, rowIndex) => (
              <GridRow
                key={rowIndex}
                path={node.path}
                field={field}
                columns={columns}
                row={row}
                rowIndex={rowIndex}
                rowCount={rows.length}
              />
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="flex items-center gap-3">
          <Button disabled={full} onClick={() => addRow(rows.length, 0)} aria-label={`Add row to ${field.label}`} size="sm">
            + Add row
          </Button>
          <span className="text-xs text-slate-400">Enter on the last row adds one; paste cells from a spreadsheet.</span>
        </div>
      )}
      {tableErrors.length > 0 && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {tableErrors.join("; ")}
        </p>
      )}
    </div>
  );
}

/** The row number column, each column's label with its unit, and the row actions' column. */
function GridHead({ columns, withRowActions }: { columns: readonly ResolvedNode[]; withRowActions: boolean }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
      <tr>
        <th scope="col" className="w-8 px-2 py-1.5 text-right">
          #
        </th>
        {columns.map((column) => {
          const suffix = "suffix" in column.definition ? column.definition.suffix : undefined;
          return (
            <th key={column.key} scope="col" className="px-2 py-1.5">
              {"label" in column.definition ? column.definition.label : column.key}
              {suffix && <span className="ml-1 font-normal text-slate-400">[{suffix}]</span>}
            </th>
          );
        })}
        {withRowActions && (
          <th scope="col" className="w-24 px-2 py-1.5">
            <span className="sr-only">Row actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

/** One row: its number, a cell per column with the cell's errors under it, and the row's move and remove buttons. */
function GridRow({
  path,
  field,
  columns,
  row,
  rowIndex,
  rowCount,
}: {
  path: string;
  field: TableField;
  columns: readonly ResolvedNode[];
  row: ParamsDraft;
  rowIndex: number;
  rowCount: number;
}) {
  const { dispatch, errors, readOnly, idPrefix } = useFormContext();
  return (
    <tr className="border-t border-slate-100">
      <td className="px-2 py-1 text-right text-xs text-slate-400">{rowIndex + 1}</td>
      {columns.map((column, columnIndex) => {
        const cellPath = `${path}[${rowIndex}].${column.key}`;
        const messages = errors.get(cellPath) ?? [];
        const cellId = fieldId(idPrefix, cellPath);
        return (
          <td key={column.key} className="px-1 py-0.5 align-top">
            <Cell
              column={column}
              value={row[column.key]}
              path={cellPath}
              id={cellId}
              rowIndex={rowIndex}
              columnIndex={columnIndex}
              invalid={messages.length > 0}
            />
            {messages.length > 0 && (
              <p id={`${cellId}-error`} className="px-2 pb-1 text-xs font-medium text-red-700">
                {messages.join("; ")}
              </p>
            )}
          </td>
        );
      })}
      {!readOnly && (
        <td className="whitespace-nowrap px-1 py-0.5 text-right">
          <Button
            variant="icon"
            className={ROW_CONTROL}
            disabled={rowIndex === 0}
            aria-label={`Move row ${rowIndex + 1} of ${field.label} up`}
            onClick={() => dispatch({ type: "moveRow", path, from: rowIndex, to: rowIndex - 1 })}
          >
            ↑
          </Button>
          <Button
            variant="icon"
            className={ROW_CONTROL}
            disabled={rowIndex === rowCount - 1}
            aria-label={`Move row ${rowIndex + 1} of ${field.label} down`}
            onClick={() => dispatch({ type: "moveRow", path, from: rowIndex, to: rowIndex + 1 })}
          >
            ↓
          </Button>
          <Button
            variant="icon"
            className={ROW_CONTROL}
            aria-label={`Remove row ${rowIndex + 1} of ${field.label}`}
            onClick={() => dispatch({ type: "removeRow", path, index: rowIndex })}
          >
            ✕
          </Button>
        </td>
      )}
    </tr>
  );
}

function Cell({
  column,
  value,
  path,
  id,
  rowIndex,
  columnIndex,
  invalid,
}: {
  column: ResolvedNode;
  value: unknown;
  path: string;
  id: string;
  rowIndex: number;
  columnIndex: number;
  invalid: boolean;
}) {
  const { dispatch, readOnly } = useFormContext();
  const definition = column.definition as ColumnField;
  const set = (next: unknown) => dispatch({ type: "set", path, value: next });
  const common = {
    id,
    disabled: readOnly,
    "aria-label": `${definition.label} row ${rowIndex + 1}`,
    "aria-invalid": invalid,
    "aria-describedby": invalid ? `${id}-error` : undefined,
    "data-row": rowIndex,
    "data-column": columnIndex,
  };
  switch (definition.kind) {
    case "number":
    case "integer":
      return <NumberInput {...common} className={CELL} value={value} onValueChange={set} decimals={definition.decimals} />;
    case "boolean":
      return (
        <input
          {...common}
          type="checkbox"
          className="m-2 h-4 w-4 accent-brand-600"
          checked={value === true}
          onChange={(event) => set(event.target.checked)}
        />
      );
    case "option":
    case "autocomplete":
      return (
        <OptionSelect
          {...common}
          className={CELL}
          options={column.options ?? []}
          value={value}
          onChange={set}
          optional={definition.optional === true}
        />
      );
    case "date":
      return (
        <input
          {...common}
          type="date"
          className={CELL}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => set(event.target.value || null)}
        />
      );
    case "color":
      return (
        <input
          {...common}
          type="color"
          className="m-1 h-7 w-12"
          value={typeof value === "string" ? value : "#000000"}
          onChange={(event) => set(event.target.value)}
        />
      );
    default:
      return (
        <input
          {...common}
          type="text"
          className={CELL}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => set(event.target.value === "" ? null : event.target.value)}
        />
      );
  }
}
