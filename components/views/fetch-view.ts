import type { CallOutcome } from "@/lib/controller/call-view";
import { postCall, type ReadCallStreamOptions } from "./read-call-stream";

/** The URL of one view call. */
export function viewUrl(entityId: string, view: string): string {
  return `/api/entities/${encodeURIComponent(entityId)}/views/${encodeURIComponent(view)}`;
}

/**
 * Runs one view of an entity on the given params over HTTP, the browser's way
 * (`POST /api/entities/:id/views/:view`; see postCall).
 */
export async function fetchView(
  entityId: string,
  view: string,
  params: unknown,
  options: ReadCallStreamOptions = {},
): Promise<CallOutcome> {
  return (await postCall(viewUrl(entityId, view), { params }, options, "The view's answer ended before its result.")) as CallOutcome;
}
