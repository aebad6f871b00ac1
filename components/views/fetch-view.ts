import type { Api } from "@/lib/http/api";
import type { Result } from "@/lib/result";
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
): Promise<Result<Api["view-call"]>> {
  return postCall("view-call", viewUrl(entityId, view), { params }, options, "The view's answer ended before its result.");
}
