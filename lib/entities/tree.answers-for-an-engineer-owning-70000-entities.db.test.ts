import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { findEntityForUser, findEntityToRun } from "./get-entity";
import { listTreePage, openTree, TREE_PAGE_SIZE } from "./list-tree";
import { searchEntities } from "./search-entities";
import { newActor } from "./test-support/users";
import type { Actor } from "./types";

// Regression (issue 18): for an engineer owning 40,000 entities every editor page answered 500, since
// the tree read their ids into the app and sent them back as `id IN (…)`, one bind parameter each,
// past PostgreSQL's 65,535. Access is now decided inside the statements; 70,000 entities must answer.

const PROJECTS = 700;
const BEAMS_PER_PROJECT = 99;
let erin: Actor;

beforeAll(async () => {
  erin = await newActor("Erin Engineer", "engineer");
  await pool.query(
    `INSERT INTO "entity" ("id", "type", "name", "params", "ownerId")
     SELECT 'p' || i, 'project', 'Project ' || lpad(i::text, 3, '0'), '{}', $1 FROM generate_series(1, ${PROJECTS}) i`,
    [erin.id],
  );
  await pool.query(
    `INSERT INTO "entity" ("id", "type", "name", "parentId", "params", "ownerId")
     SELECT 'b' || i || '-' || j, 'beam', 'Beam ' || i || '-' || j, 'p' || i, '{}', $1
       FROM generate_series(1, ${PROJECTS}) i, generate_series(1, ${BEAMS_PER_PROJECT}) j`,
    [erin.id],
  );
  await pool.query(`ANALYZE "entity"`);
}, 300_000);

describe("an engineer who owns 70,000 entities", () => {
  it("owns them all", async () => {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "entity" WHERE "ownerId" = $1`, [erin.id]);
    expect(rows[0]!.n).toBe(PROJECTS * (1 + BEAMS_PER_PROJECT));
  });

  it("gets the tree's roots as a page of their 700 projects", async () => {
    const roots = await listTreePage(erin, { parentId: null });
    expect([roots!.items.length, roots!.total, roots!.items[0]!.name, roots!.items[0]!.children]).toEqual([
      TREE_PAGE_SIZE,
      PROJECTS,
      "Project 001",
      BEAMS_PER_PROJECT,
    ]);
  });

  it("opens an entity's page: the entity, the tree down to it, and the view call's access", async () => {
    expect(await findEntityForUser(erin, "b350-42")).toMatchObject({ id: "b350-42", name: "Beam 350-42", canEdit: true });
    const tree = await openTree(erin, "b350-42");
    expect(tree!.path.map((step) => step.id)).toEqual(["p350"]);
    expect(tree!.roots.items.map((node) => node.id)).toContain("p350");
    expect(tree!.children.p350!.items.map((node) => node.id)).toContain("b350-42");
    expect(await findEntityToRun(erin, "b350-42")).toMatchObject({ canEdit: true });
  });

  it("searches among them", async () => {
    const hits = await searchEntities(erin, { text: "Beam 350-4" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.name.startsWith("Beam 350-4"))).toBe(true);
    expect(hits[0]!.path).toEqual([{ id: "p350", name: "Project 350" }]);
  });
});
