"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { stableJson } from "@/components/views/stable-json";
import { useSettledValue } from "@/components/views/use-settled-value";
import type { OptimizationResult } from "@/lib/controller/buttons";
import type { ButtonItem, ParamsDraft } from "@/lib/params";
import { Button } from "@/components/ui/button";
import { blobOf, downloadBlob } from "./download";
import { fetchButton, fetchDisabledReason } from "./fetch-button";
import { useFormContext } from "./form-context";

type Note = { readonly tone: "ok" | "error"; readonly text: string };

/**
 * A controller's button, where the layout places it (`button(name)`): its accessible name is its
 * label. A click runs it on the form's current params, saved or not, and then: a download is
 * saved by the browser; an optimization's candidates open in a table, and "Use this" puts one
 * into the form; set-params puts its params into the form at once (unsaved: the editor shows
 * "Unsaved changes", and nothing is stored until Save); an action shows its message. While it
 * runs it is disabled, so a second click starts nothing; a long one shows progress and Cancel.
 * A button with a `disabled` rule asks the server for the reason as the params settle.
 */
export function ButtonControl({ item }: { item: ButtonItem }) {
  const { entity, buttons, draft, dispatch, readOnly, idPrefix } = useFormContext();
  const info = entity && buttons && Object.hasOwn(buttons, item.button) ? buttons[item.button]! : null;
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number; message?: string } | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [candidates, setCandidates] = useState<OptimizationResult<ParamsDraft> | null>(null);
  const runningRef = useRef(false);
  const abort = useRef<AbortController | null>(null);

  const settled = useSettledValue(stableJson(draft ?? null), 300);
  const reason = useQuery({
    queryKey: ["button-disabled", entity?.id, item.button, settled],
    queryFn: ({ signal }) => fetchDisabledReason(entity!.id, item.button, JSON.parse(settled) as unknown, signal),
    enabled: Boolean(entity && info?.mayBeDisabled),
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  });

  if (!entity || !info) return <p className="text-sm text-slate-500">The button “{item.button}” is not available here.</p>;
  const changesForm = info.kind === "setParams" || info.kind === "optimization" || info.kind === "action";
  const disabledReason = readOnly && changesForm ? "Read only." : (reason.data ?? null);
  const id = `${idPrefix}-button-${item.button}`;

  const run = async () => {
    if (runningRef.current) return; // a second click while it runs does nothing
    runningRef.current = true;
    setRunning(true);
    setNote(null);
    setProgress(info.long ? { fraction: 0 } : null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const outcome = await fetchButton(entity.id, item.button, draft, {
        signal: controller.signal,
        onProgress: info.long ? (fraction, message) => setProgress({ fraction, message }) : undefined,
      });
      if (!outcome.ok) {
        setNote(
          outcome.failure.code === "cancelled" ? { tone: "ok", text: "Cancelled." } : { tone: "error", text: outcome.failure.message },
        );
        return;
      }
      const result = outcome.value;
      switch (result.kind) {
        case "download":
          downloadBlob(result.fileName, blobOf(result.data, result.encoding, result.contentType));
          setNote({ tone: "ok", text: `Downloaded ${result.fileName}.` });
          break;
        case "setParams":
          dispatch({ type: "replace", params: result.params as ParamsDraft });
          setNote({ tone: "ok", text: `${result.message ?? "Inputs changed."} Not saved yet.` });
          break;
        case "optimization":
          setCandidates(result as OptimizationResult<ParamsDraft>);
          break;
        case "action":
          setNote({ tone: "ok", text: result.message });
          break;
      }
    } catch (error) {
      setNote(
        controller.signal.aborted
          ? { tone: "ok", text: "Cancelled." }
          : { tone: "error", text: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      abort.current = null;
      runningRef.current = false;
      setRunning(false);
      setProgress(null);
    }
  };

  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          id={id}
          disabled={running || disabledReason !== null}
          aria-busy={running}
          aria-describedby={
            [disabledReason && `${id}-reason`, item.description && `${id}-description`].filter(Boolean).join(" ") || undefined
          }
          onClick={() => void run()}
        >
          {info.label}
        </Button>
        {running && !info.long && <span className="text-xs text-slate-500">Working…</span>}
        {running && info.long && (
          <Button variant="link" className="text-sm text-slate-700" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </div>
      {progress && (
        <div className="space-y-0.5">
          <progress className="h-2 w-full" max={1} value={progress.fraction} aria-label={`${info.label}: progress`} />
          <p className="text-xs text-slate-500" aria-live="polite">
            {progress.message ?? `${Math.round(progress.fraction * 100)} %`}
          </p>
        </div>
      )}
      {disabledReason && !readOnly && (
        <p id={`${id}-reason`} className="text-xs text-amber-700">
          {disabledReason}
        </p>
      )}
      {item.description && (
        <p id={`${id}-description`} className="text-xs text-slate-500">
          {item.description}
        </p>
      )}
      {note && (
        <p
          role={note.tone === "error" ? "alert" : "status"}
          className={`text-xs ${note.tone === "ok" ? "text-green-700" : "text-red-700"}`}
        >
          {note.text}
        </p>
      )}
      {candidates && (
        <CandidatesDialog
          title={info.label}
          result={candidates}
          onClose={() => setCandidates(null)}
          onUse={(params, label) => {
            dispatch({ type: "replace", params });
            setCandidates(null);
            setNote({ tone: "ok", text: `${label} applied. Not saved yet.` });
          }}
        />
      )}
    </div>
  );
}

function CandidatesDialog({
  title,
  result,
  onClose,
  onUse,
}: {
  title: string;
  result: OptimizationResult<ParamsDraft>;
  onClose: () => void;
  onUse: (params: ParamsDraft, label: string) => void;
}) {
  const first = result.columns[0];
  const format = (value: number | string | null | undefined, decimals?: number) =>
    value === null || value === undefined
      ? ""
      : typeof value === "number" && decimals !== undefined
        ? value.toFixed(decimals)
        : String(value);
  return (
    <Dialog title={title} onClose={onClose} wide>
      {result.message && <p className="mb-3 text-sm text-slate-700">{result.message}</p>}
      {result.candidates.length > 0 && (
        <table className="w-full text-sm">
          <caption className="sr-only">Candidates</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              {result.columns.map((column) => (
                <th key={column.key} scope="col" className={`py-1.5 pr-4 font-medium ${column.type === "number" ? "text-right" : ""}`}>
                  {column.label}
                  {column.suffix ? ` [${column.suffix}]` : ""}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Pick</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.candidates.map((candidate, i) => {
              const label = first ? format(candidate.values[first.key], first.decimals) : `Candidate ${i + 1}`;
              return (
                <tr key={i} className="border-b border-slate-100">
                  {result.columns.map((column) => (
                    <td key={column.key} className={`py-1.5 pr-4 ${column.type === "number" ? "text-right tabular-nums" : ""}`}>
                      {format(candidate.values[column.key], column.decimals)}
                    </td>
                  ))}
                  <td className="py-1 text-right">
                    {/* The name starts with the visible text, then says which row (WCAG label in name). */}
                    <Button aria-label={`Use this: ${label}`} onClick={() => onUse(candidate.params, label)}>
                      Use this
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
