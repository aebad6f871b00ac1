import { pool } from "@/lib/db/pool";
import { empty, rowOf, sql } from "@/lib/db/sql";
import { readableSql } from "./access";
import { decodeTreeCursor, encodeTreeCursor } from "./list-tree";
import type { Actor, ChildRow } from "./types";

/** Rows a page of an entity's Contents table holds. */
export const CHILDREN_PAGE = 25;

/**
 * A page of an entity's children as its Contents table shows them (type, owner, version, when
 * changed, how many they hold), in name order after the cursor `after` (name, id, as the tree's),
 * with how many there are. Null when the actor may not see the entity; whoever sees it sees all
 * its children.
 */
export async function listChildren(
  actor: Actor,
  parentId: string,
  input: { after?: string | null; size?: number } = {},
): Promise<{ items: ChildRow[]; total: number; offset: number; after: string | null } | null> {
  const size = input.size ?? CHILDREN_PAGE;
  const after = decodeTreeCursor(input.after);
  const cut = after ? sql`AND (e."name", e."id") > (${after.name}::text, ${after.id}::text)` : empty;
  const row = await rowOf<{ visible: boolean | null; items: ChildRow[]; total: number; offset: number }>(
    pool,
    sql`
    SELECT (SELECT ${readableSql(actor, "p")} FROM "entity" p WHERE p."id" = ${parentId}) AS "visible",
      (SELECT coalesce(json_agg(json_build_object(
                'id', c."id", 'type', c."type", 'name', c."name", 'version', c."version", 'updatedAt', c."updatedAt",
                'owner', json_build_object('id', u."id", 'name', u."name"),
                'children', (SELECT count(*) FROM "entity" g WHERE g."parentId" = c."id")) ORDER BY c."name", c."id"), '[]')
         FROM (SELECT e.* FROM "entity" e WHERE e."parentId" = ${parentId} ${cut} ORDER BY e."name", e."id" LIMIT ${size + 1}) c
         JOIN "user" u ON u."id" = c."ownerId") AS "items",
      (SELECT count(*)::int FROM "entity" e WHERE e."parentId" = ${parentId}) AS "total",
      ${after ? sql`(SELECT count(*)::int FROM "entity" e WHERE e."parentId" = ${parentId} AND (e."name", e."id") <= (${after.name}::text, ${after.id}::text))` : sql`0`} AS "offset"`,
  );
  if (!row?.visible) return null;
  const items = row.items.slice(0, size);
  const last = items.at(-1);
  return { items, total: row.total, offset: row.offset, after: row.items.length > size && last ? encodeTreeCursor(last) : null };
}
