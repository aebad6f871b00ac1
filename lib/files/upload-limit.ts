/**
 * The one upload limit (no imports: next.config.ts reads it too). Every field's own `maxSize` is
 * below it; the route refuses a larger body with 413 before reading it, and Next's proxy, which
 * buffers request bodies so that proxy.ts and the route can both read them, is configured to buffer
 * a whole body of this size (`experimental.proxyClientMaxBodySize`). Its default, 10 MB, cut uploads
 * between 10 and 25 MB short, and the route then answered a misleading 400 ("Send multipart form data…").
 */

/** The largest upload any field takes, whatever its own `maxSize`. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** What the multipart wrapping of one file may add (boundaries, the type and field parts). */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;

/** The largest request body an upload may be: the route's 413 check and Next's proxy buffer. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE_BYTES;

/** "25 MB": the limit as the 413 message names it. */
export function uploadLimitText(): string {
  return `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
}
