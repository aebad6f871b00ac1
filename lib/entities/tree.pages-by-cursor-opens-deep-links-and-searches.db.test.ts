import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { pool } from "@/lib/db/pool";
import { createEntity } from "./create-entity";
import { findEntityForUser } from "./get-entity";
import { listChildren } from "./list-children";
import { listRevisions } from "./list-revisions";
import { listTreePage, openTree, TREE_PAGE_SIZE } from "./list-tree";
import { saveParams } from "./save-params";
import { searchEntities } from "./search-entities";
import { shareEntity } from "./share-entity";
import { newActor, valueOf } from "./test-support/users";
import type { Actor, TreePage } from "./types";

// The editor's tree used to be read whole on every page (every entity the user may see); these
// tests hold it to pages: a bounded number of nodes per statement, a cursor that neither repeats
// nor skips, a deep link opened along its path only, and search among what the user may see.

const CHILDREN = 120;
let olga: Actor & { email: string };
let sam: Actor & { email: string };
let otto: Actor;
let reviewer: Actor;
let big: string;
let nested: { project: string; floor: string; beam: string };

beforeAll(async () => {
  olga = await newActor("Olga Owner", "engineer");
  sam = await newActor("Sam Shared", "engineer");
  otto = await newActor("Otto Other", "engineer");
  reviewer = await newActor("Rita Reviewer", "reviewer");
  big = valueOf(await createEntity(olga, { type: "project", name: "Big project", parentId: null })).id;
  // The triggers give rows inserted in SQL their paths, as for the app's own.
  await pool.query(
    `INSERT INTO "entity" ("id", "type", "name", "parentId", "params", "ownerId")
     SELECT $1 || i, 'beam', 'Beam ' || lpad(i::text, 3, '0'), $2, '{}', $3 FROM generate_series(1, ${CHILDREN}) i`,
    [`${randomUUID()}-`, big, olga.id],
  );
  const project = valueOf(await createEntity(olga, { type: "project", name: "Nested project", parentId: null })).id;
  const floor = valueOf(await createEntity(olga, { type: "project", name: "Floor 2", parentId: project })).id;
  const beam = valueOf(await createEntity(olga, { type: "beam", name: "Deep girder", parentId: floor })).id;
  nested = { project, floor, beam };
  valueOf(await shareEntity(olga, { id: floor, email: sam.email }));
  await createEntity(otto, { type: "project", name: "Otto's girder yard", parentId: null });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** How many statements `run` sends to the pool. */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const spy = vi.spyOn(pool, "query");
  const value = await run();
  const statements = spy.mock.calls.length;
  spy.mockRestore();
  return { value, statements };
}

describe("the tree, a page at a time", () => {
  it("pages a node's children by cursor, in name order, without repeating or skipping, one statement a page", async () => {
    const pages: TreePage[] = [];
    let after: string | null = null;
    do {
      const { value: page, statements } = await statementsOf(() => listTreePage(olga, { parentId: big, after }));
      expect(statements).toBe(1);
      pages.push(page!);
      after = page!.after;
    } while (after);
    expect(pages.map((page) => [page.offset, page.items.length, page.total])).toEqual([
      [0, TREE_PAGE_SIZE, CHILDREN],
      [TREE_PAGE_SIZE, TREE_PAGE_SIZE, CHILDREN],
      [2 * TREE_PAGE_SIZE, CHILDREN - 2 * TREE_PAGE_SIZE, CHILDREN],
    ]);
    const names = pages.flatMap((page) => page.items.map((node) => node.name));
    expect(names).toEqual(Array.from({ length: CHILDREN }, (_, i) => `Beam ${String(i + 1).padStart(3, "0")}`));
    // Back from the last page by its `before` cursor: the page before it again.
    const back = await listTreePage(olga, { parentId: big, before: pages[2]!.before });
    expect(back!.items.map((node) => node.name)).toEqual(pages[1]!.items.map((node) => node.name));
    expect(back!.offset).toBe(TREE_PAGE_SIZE);
    expect(pages[0]!.before).toBeNull();
  });

  it("opens /editor with the roots' first page in one statement, each root with its count of children", async () => {
    const { value: tree, statements } = await statementsOf(() => openTree(olga, null));
    expect(statements).toBe(1);
    expect(tree!.path).toEqual([]);
    expect(tree!.children).toEqual({});
    expect(tree!.roots.items.find((node) => node.id === big)).toMatchObject({ name: "Big project", children: CHILDREN, canEdit: true });
  });

  it("opens a deep link along its path only: the roots and one page per step, never every entity", async () => {
    const { value: tree, statements } = await statementsOf(() => openTree(olga, nested.beam));
    expect(tree!.path.map((step) => step.id)).toEqual([nested.project, nested.floor]);
    expect(Object.keys(tree!.children).sort()).toEqual([nested.project, nested.floor].sort());
    expect(tree!.children[nested.floor]!.items.map((node) => node.id)).toEqual([nested.beam]);
    // The path, then the roots' page and one per step, read at once.
    expect(statements).toBe(4);

    // Deep in a long list of children: the page around the entity, not the first 50 and not all 120.
    const { rows } = await pool.query<{ id: string }>(`SELECT "id" FROM "entity" WHERE "parentId" = $1 AND "name" = 'Beam 100'`, [big]);
    const at100 = await openTree(olga, rows[0]!.id);
    const page = at100!.children[big]!;
    // A few before it (to page back from), then it and what follows, up to a page.
    expect(page.items.map((node) => node.name)).toEqual(Array.from({ length: 26 }, (_, i) => `Beam ${String(95 + i).padStart(3, "0")}`));
    expect([page.offset, page.total, page.after]).toEqual([94, CHILDREN, null]);
    expect(page.before).not.toBeNull();
    const shown = at100!.roots.items.length + Object.values(at100!.children).reduce((sum, p) => sum + p.items.length, 0);
    expect(shown).toBeLessThan(CHILDREN);
  });

  it("starts an engineer's tree at what is shared with them, opens it there, and answers others' nodes as not found", async () => {
    const roots = await listTreePage(sam, { parentId: null });
    expect(roots!.items.map((node) => node.name)).toEqual(["Floor 2"]);
    const tree = await openTree(sam, nested.beam);
    expect(tree!.path.map((step) => step.name)).toEqual(["Floor 2"]);
    expect(await listTreePage(sam, { parentId: big })).toBeNull();
    expect(await listTreePage(otto, { parentId: nested.floor })).toBeNull();
    expect(await openTree(otto, nested.beam)).toBeNull();
  });

  it("searches by any part of the name among what the user sees, with each hit's path and by type", async () => {
    const hits = await searchEntities(olga, { text: "girder" });
    expect(hits.map((hit) => [hit.name, hit.path.map((step) => step.name)])).toEqual([["Deep girder", ["Nested project", "Floor 2"]]]);
    // Sam sees the beam below what is shared with him, with the path he sees.
    expect((await searchEntities(sam, { text: "girder" })).map((hit) => [hit.name, hit.path.map((step) => step.name)])).toEqual([
      ["Deep girder", ["Floor 2"]],
    ]);
    // A reviewer sees everyone's, names that start with the text first.
    expect((await searchEntities(reviewer, { text: "GIRDER" })).map((hit) => hit.name)).toEqual(
      expect.arrayContaining(["Deep girder", "Otto's girder yard"]),
    );
    expect((await searchEntities(reviewer, { text: "girder", type: "project" })).map((hit) => hit.name)).toEqual(
      expect.not.arrayContaining(["Deep girder"]),
    );
    // Bounded: 120 beams match "Beam", the answer holds a screenful.
    const many = await searchEntities(olga, { text: "Beam" });
    expect(many.length).toBe(20);
    expect(many[0]!.name).toBe("Beam 001");
    expect(await searchEntities(otto, { text: "Beam" })).toEqual([]);
  });
});

describe("the lists an entity's page shows, paged", () => {
  it("pages a project's children for its Contents table, with their count", async () => {
    const first = await listChildren(olga, big, { size: 25 });
    expect([first!.items.length, first!.total, first!.offset]).toEqual([25, CHILDREN, 0]);
    const second = await listChildren(olga, big, { size: 25, after: first!.after });
    expect(second!.offset).toBe(25);
    expect(second!.items[0]!.name).toBe("Beam 026");
    expect(await listChildren(otto, big)).toBeNull();
  });

  it("pages an entity's revisions, newest first, below a version", async () => {
    const beam = valueOf(await createEntity(olga, { type: "beam", name: "Often saved", parentId: big })).id;
    const { params } = (await findEntityForUser(olga, beam))!;
    let version = 1;
    for (let save = 0; save < 4; save++) {
      const saved = valueOf(await saveParams(olga, { id: beam, params, expectedVersion: version }));
      version = saved.version;
    }
    const newest = await listRevisions(olga, beam, { size: 2 });
    expect(newest!.map((revision) => revision.version)).toEqual([5, 4]);
    const older = await listRevisions(olga, beam, { size: 2, before: 4 });
    expect(older!.map((revision) => revision.version)).toEqual([3, 2]);
    expect(await listRevisions(otto, beam)).toBeNull();
  });
});
