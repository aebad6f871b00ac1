import { pool } from "@/lib/db/pool";
import { raw, rowOf, rowsOf, sql, type Sql } from "@/lib/db/sql";
import { editableSql, readableSql, readsEveryEntity } from "./access";
import { can } from "@/lib/auth/permissions";
import type { Actor, OpenTree, PathStep, TreeNode, TreePage } from "./types";

/**
 * The editor's tree, a page at a time: the roots of the user's tree, or a node's children, in name
 * order, paged by a cursor (name, id) on the index (parentId, name, id). The roots are every root
 * for those who read every entity; for an engineer, the tops of their tree (what they own or was
 * shared with them, whose parent they do not see), read from the partial index of their top grants
 * (migration 20261205100000_entity_paths_and_access), however many entities they own. Whoever sees
 * a node sees all its children (membership is inherited), so a page needs no filter, only the
 * check that the parent is visible. Each node carries its count of children.
 */

/** Nodes a page holds. */
export const TREE_PAGE_SIZE = 50;
/** When an editor page opens the tree at an entity past a page's first items: how many of those before it are shown. */
const SHOWN_BEFORE = 5;

type Key = { readonly name: string; readonly id: string };
type Mode = { first: true } | { after: Key } | { before: Key } | { around: Key };

export function encodeTreeCursor(key: Key): string {
  return Buffer.from(JSON.stringify([key.name, key.id]), "utf8").toString("base64url");
}

export function decodeTreeCursor(cursor: string | null | undefined): Key | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string")
      return { name: value[0], id: value[1] };
  } catch {
    // Not one of ours: answered as no cursor.
  }
  return null;
}

/**
 * A page of the roots (`parentId` null) or of a node's children: the first, the one after or before
 * a cursor, or the one an editor page opens around an entity (`around`, its id: how the browser
 * reads such a page again). Null when the actor may not see the node (or there is none), as for an entity.
 */
export async function listTreePage(
  actor: Actor,
  input: { parentId: string | null; after?: string | null; before?: string | null; around?: string | null; size?: number },
): Promise<TreePage | null> {
  const size = input.size ?? TREE_PAGE_SIZE;
  const after = decodeTreeCursor(input.after);
  const before = decodeTreeCursor(input.before);
  if (after) return readPage(actor, input.parentId, { after }, size);
  if (before) return readPage(actor, input.parentId, { before }, size);
  if (input.around) {
    const entity = await rowOf<Key>(pool, sql`SELECT "name", "id" FROM "entity" WHERE "id" = ${input.around}`);
    if (entity) return readPage(actor, input.parentId, { around: entity }, size);
  }
  return readPage(actor, input.parentId, { first: true }, size);
}

/**
 * The tree as a page of the editor opens it at `entityId` (or at the top, null): the roots, and
 * each node from the top of the actor's tree down to the entity expanded, at the page of its
 * children that holds the next step; the entity's own first page of children when it has any.
 * Null when the actor may not see the entity.
 */
export async function openTree(actor: Actor, entityId: string | null): Promise<OpenTree | null> {
  if (entityId === null) {
    const roots = await readPage(actor, null, { first: true }, TREE_PAGE_SIZE);
    return roots && { roots, children: {}, path: [] };
  }
  const steps = await rowsOf<PathStep & { children: number }>(
    pool,
    sql`SELECT a."id", a."name", (SELECT count(*)::int FROM "entity" c WHERE c."parentId" = a."id") AS "children"
          FROM "entity" e
          CROSS JOIN LATERAL unnest(e."ancestorIds" || e."id") WITH ORDINALITY AS step("id", n)
          JOIN "entity" a ON a."id" = step."id"
         WHERE e."id" = ${entityId} AND ${readableSql(actor, "a")}
         ORDER BY step.n`,
  );
  const self = steps.at(-1);
  if (!self || self.id !== entityId) return null;
  const [top] = steps;
  const pages = await Promise.all([
    readPage(actor, null, { around: top! }, TREE_PAGE_SIZE),
    ...steps.slice(0, -1).map((step, index) => readPage(actor, step.id, { around: steps[index + 1]! }, TREE_PAGE_SIZE)),
    self.children > 0 ? readPage(actor, self.id, { first: true }, TREE_PAGE_SIZE) : Promise.resolve(null),
  ]);
  const [roots, ...below] = pages;
  if (!roots) return null;
  const children: Record<string, TreePage> = {};
  for (const page of below) if (page?.parentId) children[page.parentId] = page;
  return { roots, children, path: steps.slice(0, -1).map(({ id, name }) => ({ id, name })) };
}

/** The rows of a scope (the roots, or a node's children) past `cond`, nearest first, and their count. */
interface Scope {
  rows(cond: Sql, descending: boolean, limit: number): Sql;
  count(cond: Sql): Sql;
}

function scopeOf(actor: Actor, parentId: string | null): Scope {
  const columns = sql`e."id", e."type", e."name", e."ancestorIds"`;
  const order = (descending: boolean) => (descending ? sql`e."name" DESC, e."id" DESC` : sql`e."name", e."id"`);
  if (parentId !== null || readsEveryEntity(actor)) {
    const where = parentId === null ? sql`e."parentId" IS NULL` : sql`e."parentId" = ${parentId}`;
    return {
      rows: (cond, descending, limit) =>
        sql`SELECT ${columns} FROM "entity" e WHERE ${where} AND ${cond} ORDER BY ${order(descending)} LIMIT ${limit}`,
      count: (cond) => sql`SELECT count(*)::int FROM "entity" e WHERE ${where} AND ${cond}`,
    };
  }
  if (!can(actor, "entity.edit.member")) {
    return { rows: () => sql`SELECT ${columns} FROM "entity" e WHERE false`, count: () => sql`SELECT 0` };
  }
  // The tops of an engineer's tree: their own (entity_top_of_owner_idx) and those shared with them.
  const owned = (cond: Sql) => sql`FROM "entity" e WHERE e."ownerId" = ${actor.id} AND e."topOfOwner" AND ${cond}`;
  const shared = (cond: Sql) =>
    sql`FROM "entity_share" s JOIN "entity" e ON e."id" = s."entityId" WHERE s."userId" = ${actor.id} AND s."topOfUser" AND ${cond}`;
  return {
    rows: (cond, descending, limit) => sql`
      SELECT * FROM (
        (SELECT ${columns} ${owned(cond)} ORDER BY ${order(descending)} LIMIT ${limit})
        UNION
        (SELECT ${columns} ${shared(cond)} ORDER BY ${order(descending)} LIMIT ${limit})
      ) e ORDER BY ${order(descending)} LIMIT ${limit}`,
    count: (cond) => sql`SELECT count(*)::int FROM (SELECT e."id" ${owned(cond)} UNION SELECT e."id" ${shared(cond)}) e`,
  };
}

type PageRow = { visible: boolean | null; a: TreeNode[]; b: TreeNode[]; total: number; offset: number };

/**
 * One statement a page: up to `size` + 1 nodes after (and, around an entity, up to `size` before)
 * the cursor, each with whether the actor edits it and its count of children, the scope's total,
 * and how many come before the page.
 */
async function readPage(actor: Actor, parentId: string | null, mode: Mode, size: number): Promise<TreePage | null> {
  const scope = scopeOf(actor, parentId);
  const key = (k: Key) => sql`(${k.name}::text, ${k.id}::text)`;
  const cut = (op: "<" | "<=" | ">" | ">=", k: Key) => sql`(e."name", e."id") ${raw(op)} ${key(k)}`;
  const nodes = (rows: Sql) => sql`
    SELECT coalesce(json_agg(n ORDER BY n."name", n."id"), '[]') FROM (
      SELECT r."id", r."type", r."name", ${editableSql(actor, "r")} AS "canEdit",
             (SELECT count(*)::int FROM "entity" c WHERE c."parentId" = r."id") AS "children"
        FROM (${rows}) r) n`;
  const all = sql`true`;
  let a: Sql;
  let b: Sql = sql`SELECT '[]'::json`;
  let offset: Sql = sql`SELECT 0`;
  if ("first" in mode) {
    a = nodes(scope.rows(all, false, size + 1));
  } else if ("after" in mode) {
    a = nodes(scope.rows(cut(">", mode.after), false, size + 1));
    offset = scope.count(cut("<=", mode.after));
  } else if ("before" in mode) {
    a = sql`SELECT '[]'::json`;
    b = nodes(scope.rows(cut("<", mode.before), true, size + 1));
    offset = scope.count(cut("<", mode.before));
  } else {
    a = nodes(scope.rows(cut(">=", mode.around), false, size + 1));
    b = nodes(scope.rows(cut("<", mode.around), true, size));
    offset = scope.count(cut("<", mode.around));
  }
  const visible = parentId === null ? sql`true` : sql`(SELECT ${readableSql(actor, "p")} FROM "entity" p WHERE p."id" = ${parentId})`;
  const row = await rowOf<PageRow>(
    pool,
    sql`SELECT ${visible} AS "visible", (${a}) AS "a", (${b}) AS "b", (${scope.count(all)}) AS "total", (${offset}) AS "offset"`,
  );
  if (!row || !row.visible) return null;
  return pageFrom(parentId, mode, size, row);
}

/** The page's items and cursors from what the statement read (`b` before the cursor, `a` from it, both in name order). */
function pageFrom(parentId: string | null, mode: Mode, size: number, { a, b, total, offset }: PageRow): TreePage {
  let items: TreeNode[];
  let first: number;
  let more: boolean;
  if ("before" in mode) {
    items = b.slice(-size);
    first = offset - items.length;
    more = true;
  } else if ("around" in mode && offset + 1 > size) {
    const shown = b.slice(-SHOWN_BEFORE);
    items = [...shown, ...a.slice(0, size - shown.length)];
    first = offset - shown.length;
    more = a.length > size - shown.length;
  } else if ("around" in mode) {
    items = [...b, ...a].slice(0, size);
    first = 0;
    more = b.length + a.length > size;
  } else {
    items = a.slice(0, size);
    first = offset;
    more = a.length > size;
  }
  const head = items[0];
  const last = items.at(-1);
  return {
    parentId,
    items,
    offset: first,
    total,
    before: first > 0 && head ? encodeTreeCursor(head) : null,
    after: more && last ? encodeTreeCursor(last) : null,
  };
}
