"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useSettledValue } from "@/components/views/use-settled-value";
import { fetchApiValue } from "@/lib/http/fetch-api";
import type { SearchHit } from "@/lib/entities/types";
import type { TypeInfo } from "./tree-model";

/** How long typing must pause before the search asks (a query a pause, not a keystroke). */
const SETTLE_MS = 150;

/**
 * Search by name (and type) across everything the user may see, as they type: a combobox whose
 * list shows each hit with its path. ArrowDown and ArrowUp move through the hits, Enter opens the
 * one marked (the first when none is), Escape clears.
 */
export function TreeSearch({ types }: { types: readonly TypeInfo[] }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [type, setType] = useState("");
  const [active, setActive] = useState(-1);
  const settled = useSettledValue(JSON.stringify([text.trim(), type]), SETTLE_MS);
  const [q, t] = JSON.parse(settled) as [string, string];
  const query = useQuery({
    queryKey: ["entity-search", q, t],
    queryFn: ({ signal }) =>
      fetchApiValue("entity-search", `/api/entities/search?${new URLSearchParams({ q, ...(t ? { type: t } : {}) })}`, { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits: readonly SearchHit[] = text.trim() && query.data ? query.data.hits : [];
  const listId = `${id}-hits`;
  const optionId = (index: number) => `${id}-hit-${index}`;
  const shown = text.trim().length > 0;
  const label = (name: string) => types.find((candidate) => candidate.name === name)?.label ?? name;
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setText("");
    setActive(-1);
    router.push(`/editor/${hit.id}`);
  };

  return (
    <div className="relative space-y-1" role="search" aria-label="Search entities">
      <div className="flex gap-1">
        <input
          type="search"
          role="combobox"
          aria-label="Search entities by name"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && hits[active] ? optionId(active) : undefined}
          placeholder="Search by name…"
          value={text}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setActive(-1);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setActive((at) => Math.min(hits.length - 1, at + 1));
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              setActive((at) => Math.max(-1, at - 1));
            } else if (event.key === "Enter") {
              event.preventDefault();
              open(hits[Math.max(0, active)]);
            } else if (event.key === "Escape") {
              setText("");
              setActive(-1);
            }
          }}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <select
          aria-label="Type to search"
          value={type}
          onChange={(event) => setType(event.target.value)}
          className="rounded-md border border-slate-300 px-1 py-1 text-xs"
        >
          <option value="">All types</option>
          {types.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      {shown && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Search results"
          className="absolute inset-x-0 z-30 max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              onPointerDown={(event) => event.preventDefault()}
              onClick={() => open(hit)}
              className={`cursor-pointer rounded px-2 py-1 ${index === active ? "bg-brand-50" : "hover:bg-slate-100"}`}
            >
              <span className="font-medium text-slate-800">{hit.name}</span>
              <span className="ml-1 text-xs text-slate-500">{label(hit.type)}</span>
              {hit.path.length > 0 && (
                <span className="block truncate text-xs text-slate-500">{hit.path.map((step) => step.name).join(" / ")}</span>
              )}
            </li>
          ))}
          {hits.length === 0 && (
            <li role="presentation" className="px-2 py-1 text-xs text-slate-500">
              {query.isFetching || q !== text.trim() ? "Searching…" : "Nothing found."}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
