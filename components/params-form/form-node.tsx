"use client";

import { newRow, type DynamicArrayField, type Page, type ResolvedNode, type Section } from "@/lib/params";
import { Button } from "@/components/ui/button";
import { getAt } from "./form-state";
import { fieldId, useFormContext } from "./form-context";
import { ButtonControl } from "./button-control";
import { FieldControl } from "./field-control";
import { MarkdownText } from "./markdown-text";
import { TableGrid } from "./table-grid";

/** Nodes side by side, each as wide as its `flex` (a percentage of the row), wrapping when full. */
export function FormNodes({ nodes, draft }: { nodes: readonly ResolvedNode[]; draft: unknown }) {
  return (
    <div className="-mx-2 flex flex-wrap gap-y-4">
      {nodes
        .filter((node) => node.visible)
        .map((node) =>
          node.definition.kind === "lineBreak" ? (
            <div key={node.path} className="basis-full" aria-hidden />
          ) : (
            <div key={node.path} className="min-w-0 px-2" style={{ flexBasis: `${node.flex}%`, maxWidth: `${node.flex}%` }}>
              <FormNode node={node} draft={draft} />
            </div>
          ),
        )}
    </div>
  );
}

export function FormNode({ node, draft }: { node: ResolvedNode; draft: unknown }) {
  const definition = node.definition;
  switch (definition.kind) {
    case "tab":
    case "step":
    case "section":
      return <SectionBox node={node} group={definition} draft={draft} />;
    case "table":
      return <TableGrid node={node} value={getAt(draft, node.path)} />;
    case "dynamicArray":
      return <ArrayField node={node} field={definition} draft={draft} />;
    case "markdown":
      return <MarkdownText text={definition.text} />;
    case "lineBreak":
      return null;
    case "button":
      return <ButtonControl item={definition} />;
    case "image":
      return (
        <figure className="space-y-1">
          {/* eslint-disable-next-line @next/next/no-img-element -- an author's image of unknown size, from public/ or a URL */}
          <img src={definition.src} alt={definition.alt ?? ""} className="max-w-full rounded border border-slate-200" />
          {definition.caption && <figcaption className="text-xs text-slate-500">{definition.caption}</figcaption>}
        </figure>
      );
    default:
      return <FieldControl node={node} value={getAt(draft, node.path)} />;
  }
}

function SectionBox({ node, group, draft }: { node: ResolvedNode; group: Section | Page; draft: unknown }) {
  const { idPrefix } = useFormContext();
  const id = fieldId(idPrefix, node.path, "section");
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={id} className="mb-1 text-sm font-semibold text-slate-800">
        {group.label}
      </h3>
      {group.description && <p className="mb-3 text-xs text-slate-500">{group.description}</p>}
      <div className="mt-3">
        <FormNodes nodes={node.children ?? []} draft={draft} />
      </div>
    </section>
  );
}

function ArrayField({ node, field, draft }: { node: ResolvedNode; field: DynamicArrayField; draft: unknown }) {
  const { dispatch, errors, readOnly, idPrefix } = useFormContext();
  const rows = node.rows ?? [];
  const full = field.maxRows !== undefined && rows.length >= field.maxRows;
  const id = fieldId(idPrefix, node.path);
  const messages = errors.get(node.path) ?? [];
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="space-y-3">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-700">
        {field.label}
      </span>
      {field.description && <p className="text-xs text-slate-500">{field.description}</p>}
      {rows.map((row, index) => (
        <section
          key={index}
          aria-label={`${field.rowLabel ?? field.label} ${index + 1}`}
          className="rounded-lg border border-slate-200 bg-white p-3"
        >
          <div className="mb-2 flex items-center justify-between">
            <h4 className="text-sm font-medium text-slate-700">
              {field.rowLabel ?? field.label} {index + 1}
            </h4>
            {!readOnly && (
              <div className="flex gap-1 text-xs">
                <Button
                  disabled={index === 0}
                  variant="icon"
                  aria-label={`Move ${field.rowLabel ?? field.label} ${index + 1} up`}
                  onClick={() => dispatch({ type: "moveRow", path: node.path, from: index, to: index - 1 })}
                >
                  ↑
                </Button>
                <Button
                  disabled={index === rows.length - 1}
                  variant="icon"
                  aria-label={`Move ${field.rowLabel ?? field.label} ${index + 1} down`}
                  onClick={() => dispatch({ type: "moveRow", path: node.path, from: index, to: index + 1 })}
                >
                  ↓
                </Button>
                <Button
                  variant="icon"
                  aria-label={`Remove ${field.rowLabel ?? field.label} ${index + 1}`}
                  onClick={() => dispatch({ type: "removeRow", path: node.path, index })}
                >
                  ✕
                </Button>
              </div>
            )}
          </div>
          <FormNodes nodes={row} draft={draft} />
        </section>
      ))}
      {!readOnly && (
        <Button
          disabled={full}
          onClick={() => dispatch({ type: "insertRow", path: node.path, index: rows.length, row: newRow(field) })}
          size="sm"
        >
          + Add {field.rowLabel ?? "row"}
        </Button>
      )}
      {messages.length > 0 && <p className="text-xs font-medium text-red-700">{messages.join("; ")}</p>}
    </div>
  );
}
