"use client";

import type { ResolvedNode, ResolvedOption, ScalarField } from "@/lib/params";
import { fieldId, useFormContext } from "./form-context";
import { FileControl } from "./file-control";
import { GeoControl } from "./geo-control";
import { NumberInput } from "./number-input";

const INPUT =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-red-100";

/**
 * One scalar field: its label (the field's accessible name, exactly), the control for its kind,
 * its unit, description and errors. Errors sit at the field (`aria-invalid`, `aria-describedby`).
 */
export function FieldControl({ node, value }: { node: ResolvedNode; value: unknown }) {
  const { dispatch, errors, readOnly, idPrefix, entity } = useFormContext();
  const field = node.definition as ScalarField;
  const id = fieldId(idPrefix, node.path);
  const messages = errors.get(node.path) ?? [];
  const suffix = "suffix" in field ? field.suffix : undefined;
  const describedBy =
    [
      messages.length > 0 && `${id}-error`,
      suffix && `${id}-suffix`,
      field.description && `${id}-description`,
      node.ruleErrors && `${id}-rules`,
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  const set = (next: unknown) => dispatch({ type: "set", path: node.path, value: next });
  const common = { id, disabled: readOnly, "aria-invalid": messages.length > 0, "aria-describedby": describedBy };
  const geo = field.kind === "geoPoint" || field.kind === "geoPolyline" || field.kind === "geoPolygon";
  const grouped =
    geo || field.kind === "multiSelect" || (field.kind === "option" && field.variant !== undefined && field.variant !== "dropdown");

  const control = (() => {
    switch (field.kind) {
      case "number":
      case "integer":
        return (
          <NumberInput
            {...common}
            className={INPUT}
            value={value}
            onValueChange={set}
            decimals={field.decimals}
            arrowStep={field.step ?? 1}
          />
        );
      case "text":
      case "entity":
        return (
          <input
            {...common}
            type="text"
            className={INPUT}
            value={typeof value === "string" ? value : ""}
            placeholder={"placeholder" in field ? field.placeholder : undefined}
            onChange={(event) => set(emptyToNull(event.target.value))}
          />
        );
      case "textarea":
        return (
          <textarea
            {...common}
            rows={3}
            className={INPUT}
            value={typeof value === "string" ? value : ""}
            placeholder={field.placeholder}
            onChange={(event) => set(emptyToNull(event.target.value))}
          />
        );
      case "boolean":
        return null; // drawn with its label below
      case "date":
        return (
          <input
            {...common}
            type="date"
            className={INPUT}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => set(emptyToNull(event.target.value))}
          />
        );
      case "color":
        return (
          <input
            {...common}
            type="color"
            className="h-9 w-16 rounded border border-slate-300"
            value={typeof value === "string" ? value : "#000000"}
            onChange={(event) => set(event.target.value)}
          />
        );
      case "option":
        return grouped ? (
          <RadioGroup
            id={id}
            options={node.options ?? []}
            value={value}
            onChange={set}
            inline={field.variant === "radioInline"}
            disabled={readOnly}
            describedBy={describedBy}
          />
        ) : (
          <OptionSelect {...common} options={node.options ?? []} value={value} onChange={set} optional={field.optional === true} />
        );
      case "autocomplete":
        return <Autocomplete {...common} options={node.options ?? []} value={value} onChange={set} />;
      case "multiSelect":
        return (
          <CheckboxGroup id={id} options={node.options ?? []} value={value} onChange={set} disabled={readOnly} describedBy={describedBy} />
        );
      case "file":
        return (
          <FileControl
            id={id}
            field={field}
            path={node.path}
            value={value}
            entityType={entity?.type}
            disabled={readOnly}
            describedBy={describedBy}
            invalid={messages.length > 0}
            onChange={set}
          />
        );
      case "geoPoint":
      case "geoPolyline":
      case "geoPolygon":
        return (
          <GeoControl
            id={id}
            field={field}
            value={value}
            disabled={readOnly}
            describedBy={describedBy}
            invalid={messages.length > 0}
            onChange={set}
          />
        );
    }
  })();

  return (
    // A checkbox sits at the foot of its row, as tall as an input: beside fields it lines up with their
    // inputs (below their labels); alone on its row it leaves no gap above.
    <div className={`min-w-0 space-y-1 ${field.kind === "boolean" ? "flex h-full flex-col justify-end" : ""}`}>
      {field.kind === "boolean" ? (
        <div className="flex min-h-[34px] items-center gap-2">
          <input
            {...common}
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300 accent-brand-600"
            checked={value === true}
            onChange={(event) => set(event.target.checked)}
          />
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            {field.label}
          </label>
        </div>
      ) : grouped ? (
        <span id={`${id}-label`} className="block text-sm font-medium text-slate-700">
          {field.label}
        </span>
      ) : (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {field.label}
        </label>
      )}
      {control && (
        <div className="flex items-center gap-2">
          <div className="min-w-0 flex-1">{control}</div>
          {suffix && (
            <span id={`${id}-suffix`} className="shrink-0 text-sm text-slate-500">
              {suffix}
            </span>
          )}
        </div>
      )}
      {field.description && (
        <p id={`${id}-description`} className="text-xs text-slate-500">
          {field.description}
        </p>
      )}
      {node.ruleErrors && (
        <p id={`${id}-rules`} className="text-xs text-amber-700">
          {node.ruleErrors.join("; ")}
        </p>
      )}
      {messages.length > 0 && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {messages.join("; ")}
        </p>
      )}
    </div>
  );
}

function emptyToNull(text: string): string | null {
  return text === "" ? null : text;
}

/** The option whose value equals `value`, by index (select values are strings; option values may be numbers). */
function indexOf(options: readonly ResolvedOption[], value: unknown): number {
  return options.findIndex((option) => option.value === value);
}

export function OptionSelect({
  options,
  value,
  onChange,
  optional,
  ...rest
}: {
  options: readonly ResolvedOption[];
  value: unknown;
  onChange: (value: unknown) => void;
  optional?: boolean;
  id?: string;
  className?: string;
  disabled?: boolean;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  "data-row"?: number;
  "data-column"?: number;
}) {
  const index = indexOf(options, value);
  const missing = value !== null && value !== undefined && index < 0;
  return (
    <select
      className={INPUT}
      {...rest}
      value={index >= 0 ? String(index) : missing ? "missing" : ""}
      onChange={(event) => {
        const picked = event.target.value;
        onChange(picked === "" ? null : picked === "missing" ? value : (options[Number(picked)]?.value ?? null));
      }}
    >
      {(value === null || value === undefined || optional) && <option value="">{optional ? "None" : "Choose…"}</option>}
      {missing && <option value="missing">{String(value)} (not available)</option>}
      {options.map((option, at) => (
        <option key={`${at}-${String(option.value)}`} value={String(at)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function RadioGroup({
  id,
  options,
  value,
  onChange,
  inline,
  disabled,
  describedBy,
}: {
  id: string;
  options: readonly ResolvedOption[];
  value: unknown;
  onChange: (value: unknown) => void;
  inline: boolean;
  disabled: boolean;
  describedBy: string | undefined;
}) {
  return (
    <div
      id={id}
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy}
      className={inline ? "flex flex-wrap gap-x-4 gap-y-1" : "space-y-1"}
    >
      {options.map((option, at) => (
        <label key={`${at}-${String(option.value)}`} className="flex items-center gap-1.5 text-sm text-slate-700">
          <input
            type="radio"
            name={id}
            disabled={disabled}
            className="accent-brand-600"
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}

function CheckboxGroup({
  id,
  options,
  value,
  onChange,
  disabled,
  describedBy,
}: {
  id: string;
  options: readonly ResolvedOption[];
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  describedBy: string | undefined;
}) {
  const selected = Array.isArray(value) ? value : [];
  return (
    <div id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="flex flex-wrap gap-x-4 gap-y-1">
      {options.map((option, at) => (
        <label key={`${at}-${String(option.value)}`} className="flex items-center gap-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            disabled={disabled}
            className="accent-brand-600"
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? options.map((o) => o.value).filter((v) => v === option.value || selected.includes(v))
                  : selected.filter((v) => v !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}

function Autocomplete({
  id,
  options,
  value,
  onChange,
  ...rest
}: {
  id: string;
  options: readonly ResolvedOption[];
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}) {
  const current = options.find((option) => option.value === value);
  return (
    <>
      <input
        {...rest}
        id={id}
        type="text"
        list={`${id}-options`}
        className={INPUT}
        value={current ? current.label : typeof value === "string" || typeof value === "number" ? String(value) : ""}
        onChange={(event) => {
          const typed = event.target.value;
          const match = options.find((option) => option.label === typed || String(option.value) === typed);
          onChange(match ? match.value : typed === "" ? null : typed);
        }}
      />
      <datalist id={`${id}-options`}>
        {options.map((option, at) => (
          <option key={`${at}-${String(option.value)}`} value={option.label} />
        ))}
      </datalist>
    </>
  );
}
