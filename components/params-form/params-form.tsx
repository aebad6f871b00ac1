"use client";

import { useId, useMemo, useState, type Dispatch } from "react";
import { Tabs } from "@/components/ui/tabs";
import type { ButtonInfo } from "@/lib/controller/describe-buttons";
import type { FieldIssue } from "@/lib/result";
import { resolveLayout, type ParamsDraft, type Parametrization, type ResolvedNode } from "@/lib/params";

import { FormContext, type FormContextValue } from "./form-context";
import type { FormAction } from "./form-state";
import { FormNodes } from "./form-node";

export interface ParamsFormProps {
  readonly parametrization: Parametrization;
  readonly draft: ParamsDraft;
  readonly dispatch: Dispatch<FormAction>;
  /** The errors to show at their fields: the draft's, validated as you type (see useParamsForm). */
  readonly errors: readonly FieldIssue[];
  readonly readOnly?: boolean;
  /** The entity the form edits: file fields upload for its type, and buttons run on it. Without it, neither is offered. */
  readonly entity?: { readonly id: string; readonly type: string; readonly name: string };
  /** The entity type's buttons, for the `button(name)` nodes of the layout. */
  readonly buttons?: Readonly<Record<string, ButtonInfo>>;
}

/**
 * The form generated from a parametrization: tabs (or steps), sections and every field kind, laid
 * out by `resolveLayout` for the current draft, so computed options, bounds and visibility follow
 * every keystroke without a server round trip.
 */
export function ParamsForm({ parametrization, draft, dispatch, errors, readOnly = false, entity, buttons }: ParamsFormProps) {
  const idPrefix = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const layout = useMemo(() => resolveLayout(parametrization, draft), [parametrization, draft]);
  const errorsByPath = useMemo(() => {
    const byPath = new Map<string, string[]>();
    for (const error of errors) byPath.set(error.path, [...(byPath.get(error.path) ?? []), error.message]);
    return byPath;
  }, [errors]);
  const context = useMemo<FormContextValue>(
    () => ({ dispatch, errors: errorsByPath, readOnly, idPrefix, entity, buttons, draft }),
    [dispatch, errorsByPath, readOnly, idPrefix, entity, buttons, draft],
  );

  return (
    <FormContext.Provider value={context}>
      {layout.navigation === "none" ? (
        <FormNodes nodes={layout.nodes} draft={draft} />
      ) : (
        <FormPages
          pages={layout.nodes.filter((node) => node.visible)}
          draft={draft}
          errors={errors}
          steps={layout.navigation === "steps"}
        />
      )}
    </FormContext.Provider>
  );
}

/**
 * The form's pages as tabs (components/ui/tabs). A tab with errors shows how many, so an error on
 * another tab is never out of sight. Steps are shown the same way, numbered.
 */
function FormPages({
  pages,
  draft,
  errors,
  steps,
}: {
  pages: readonly ResolvedNode[];
  draft: ParamsDraft;
  errors: readonly FieldIssue[];
  steps: boolean;
}) {
  const [selectedKey, setSelectedKey] = useState(pages[0]?.key ?? "");
  const selected = pages.find((page) => page.key === selectedKey) ?? pages[0];

  const errorCount = (page: ResolvedNode) =>
    errors.filter((error) => error.path === page.path || error.path.startsWith(`${page.path}.`) || error.path.startsWith(`${page.path}[`))
      .length;

  return (
    <div className="space-y-4">
      <Tabs
        label={steps ? "Steps" : "Input tabs"}
        look="underline"
        tabs={pages.map((page, index) => {
          const count = errorCount(page);
          return {
            key: page.key,
            label: (
              <>
                {steps && <span className="text-xs text-slate-400">{index + 1}.</span>}
                {"label" in page.definition ? page.definition.label : page.key}
                {count > 0 && (
                  <span className="rounded-full bg-red-100 px-1.5 text-xs text-red-700">
                    {count} {count === 1 ? "error" : "errors"}
                  </span>
                )}
              </>
            ),
          };
        })}
        selectedKey={selected?.key ?? ""}
        onSelect={setSelectedKey}
        focusablePanel
        panelClassName="focus:outline-none"
      >
        {selected && (
          <>
            {"description" in selected.definition && selected.definition.description && (
              <p className="mb-3 text-sm text-slate-500">{selected.definition.description}</p>
            )}
            <FormNodes nodes={selected.children ?? []} draft={draft} />
          </>
        )}
      </Tabs>
    </div>
  );
}
