// One formatter a zone for every date: `toLocaleString` with options builds a new Intl.DateTimeFormat on
// each call, and with two dates a row it was 7% of the server's time under load (bench/inbox.ts profile).
const SHAPE = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;
const UTC = new Intl.DateTimeFormat("en-GB", { ...SHAPE, timeZone: "UTC" });
let local: Intl.DateTimeFormat | undefined;

/**
 * Dates as the inbox shows them: "22 Nov 2026, 14:05" in the browser's zone, or "…, 14:05 UTC" where
 * the zone is not known (the server's render, and the browser's hydration of it, which must match).
 */
export function formatTime(iso: string | null, zone: "local" | "UTC" = "UTC"): string {
  if (!iso) return "—";
  if (zone === "UTC") return `${UTC.format(new Date(iso))} UTC`;
  local ??= new Intl.DateTimeFormat("en-GB", SHAPE);
  return local.format(new Date(iso));
}

export const STATUS_STYLES: Record<string, string> = {
  new: "bg-sky-100 text-sky-800",
  assigned: "bg-indigo-100 text-indigo-800",
  started: "bg-violet-100 text-violet-800",
  scheduled: "bg-amber-100 text-amber-800",
  done: "bg-emerald-100 text-emerald-800",
  error: "bg-red-100 text-red-800",
  canceled: "bg-slate-200 text-slate-700",
  revived: "bg-slate-100 text-slate-500",
  running: "bg-sky-100 text-sky-800",
};

/** Where a task's page is: scoped like Viewflow's, so the server checks flow, process and task together. */
export function taskHref(task: { flowName: string; processId: string; id: string }): string {
  return `/flows/${encodeURIComponent(task.flowName)}/processes/${task.processId}/tasks/${task.id}`;
}

export function processHref(process: { flowName: string; id: string }): string {
  return `/flows/${encodeURIComponent(process.flowName)}/processes/${process.id}`;
}
