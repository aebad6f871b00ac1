/**
 * Keyset paging on (createdAt, id), newest first: a cursor is the last row shown, so the next page is
 * `WHERE (createdAt, id) < (cursor)` and rides the (…, createdAt DESC) indexes. Never an OFFSET: rows
 * inserted at the top meanwhile do not shift what the next page holds.
 */
export interface Cursor {
  readonly at: string;
  readonly id: string;
}

/** Rows per page. */
export const PAGE_SIZE = 25;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor a client sent back, or null when it is absent or not one of ours. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  const text = Buffer.from(value, "base64url").toString("utf8");
  const bar = text.indexOf("|");
  if (bar < 0) return null;
  const at = text.slice(0, bar);
  const id = text.slice(bar + 1);
  if (Number.isNaN(Date.parse(at)) || id.length === 0) return null;
  return { at: new Date(at).toISOString(), id };
}

/** A page of rows and the cursor of the next page, if there is one. `rows` came from a query with LIMIT size + 1. */
export function pageOf<T>(rows: readonly T[], size: number, cursorOf: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > size && last ? encodeCursor(cursorOf(last)) : null };
}
