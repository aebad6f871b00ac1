import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { rowOf, rowsOf, sql } from "@/lib/db/sql";
import { memberOf } from "./access";
import { createEntity } from "./create-entity";
import { listTreePage } from "./list-tree";
import { moveEntity } from "./move-entity";
import { shareEntity } from "./share-entity";
import { newActor, valueOf } from "./test-support/users";
import type { Actor } from "./types";

// The triggers of migration 20261205100000_entity_paths_and_access keep each entity's path and the
// "top of the user's tree" flags; an engineer's roots are read from those flags alone. These tests
// guard that a create, move or share (or a share removed) leaves no stale path or flag behind.

let olga: Actor & { email: string };
let sam: Actor & { email: string };

beforeAll(async () => {
  olga = await newActor("Olga Owner", "engineer");
  sam = await newActor("Sam Shared", "engineer");
});

const facts = (id: string) =>
  rowOf<{ ancestorIds: string[]; topOfOwner: boolean }>(pool, sql`SELECT "ancestorIds", "topOfOwner" FROM "entity" WHERE "id" = ${id}`);
const shareTop = async (entityId: string, userId: string) =>
  (
    await rowOf<{ topOfUser: boolean }>(
      pool,
      sql`SELECT "topOfUser" FROM "entity_share" WHERE "entityId" = ${entityId} AND "userId" = ${userId}`,
    )
  )?.topOfUser;
const rootNames = async (actor: Actor) => (await listTreePage(actor, { parentId: null }))!.items.map((node) => node.name);

describe("paths and tops kept by the database", () => {
  it("gives a new entity its parent's path, and a top flag only where its owner is no member of the parent", async () => {
    const tower = valueOf(await createEntity(olga, { type: "project", name: "Tower", parentId: null })).id;
    const floor = valueOf(await createEntity(olga, { type: "project", name: "Floor", parentId: tower })).id;
    const beam = valueOf(await createEntity(olga, { type: "beam", name: "Beam", parentId: floor })).id;
    expect(await facts(tower)).toEqual({ ancestorIds: [], topOfOwner: true });
    expect(await facts(floor)).toEqual({ ancestorIds: [tower], topOfOwner: false });
    expect(await facts(beam)).toEqual({ ancestorIds: [tower, floor], topOfOwner: false });
    expect(await rootNames(olga)).toContain("Tower");
    expect(await rootNames(olga)).not.toContain("Floor");
  });

  it("rewrites the paths of a moved subtree, and its owner's flags", async () => {
    const a = valueOf(await createEntity(olga, { type: "project", name: "Moves A", parentId: null })).id;
    const b = valueOf(await createEntity(olga, { type: "project", name: "Moves B", parentId: null })).id;
    const inner = valueOf(await createEntity(olga, { type: "project", name: "Moves inner", parentId: a })).id;
    const beam = valueOf(await createEntity(olga, { type: "beam", name: "Moves beam", parentId: inner })).id;
    valueOf(await moveEntity(olga, { id: inner, parentId: b }));
    expect(await facts(inner)).toEqual({ ancestorIds: [b], topOfOwner: false });
    expect(await facts(beam)).toEqual({ ancestorIds: [b, inner], topOfOwner: false });
    valueOf(await moveEntity(olga, { id: inner, parentId: null }));
    expect(await facts(inner)).toEqual({ ancestorIds: [], topOfOwner: true });
    expect(await facts(beam)).toEqual({ ancestorIds: [inner], topOfOwner: false });
    expect(await rootNames(olga)).toContain("Moves inner");
  });

  it("makes a share the top of its user's tree, and no longer so once an ancestor is shared too", async () => {
    const site = valueOf(await createEntity(olga, { type: "project", name: "Site", parentId: null })).id;
    const block = valueOf(await createEntity(olga, { type: "project", name: "Block", parentId: site })).id;
    valueOf(await shareEntity(olga, { id: block, email: sam.email }));
    expect(await shareTop(block, sam.id)).toBe(true);
    // Sam's own entity inside what is shared with him is no top of his tree: he sees it under Block.
    const samsBeam = valueOf(await createEntity(sam, { type: "beam", name: "Sam's beam", parentId: block })).id;
    expect((await facts(samsBeam))!.topOfOwner).toBe(false);
    expect(await rootNames(sam)).toEqual(expect.arrayContaining(["Block"]));
    expect(await rootNames(sam)).not.toContain("Sam's beam");

    valueOf(await shareEntity(olga, { id: site, email: sam.email }));
    expect(await shareTop(site, sam.id)).toBe(true);
    expect(await shareTop(block, sam.id)).toBe(false);
    expect(await rootNames(sam)).toContain("Site");
    expect(await rootNames(sam)).not.toContain("Block");

    // The share of Site gone (as when it is removed, or its user deleted): Block is Sam's top again.
    await pool.query(`DELETE FROM "entity_share" WHERE "entityId" = $1 AND "userId" = $2`, [site, sam.id]);
    expect(await shareTop(block, sam.id)).toBe(true);
    expect(await rootNames(sam)).toContain("Block");
    expect(await rootNames(sam)).not.toContain("Site");
  });

  it("moving an entity of Sam's out of what is shared with him makes it a top of his tree", async () => {
    const shared = valueOf(await createEntity(olga, { type: "project", name: "Shared yard", parentId: null })).id;
    valueOf(await shareEntity(olga, { id: shared, email: sam.email }));
    const own = valueOf(await createEntity(sam, { type: "project", name: "Sam's yard", parentId: shared })).id;
    expect((await facts(own))!.topOfOwner).toBe(false);
    valueOf(await moveEntity(sam, { id: own, parentId: null }));
    expect((await facts(own))!.topOfOwner).toBe(true);
    expect(await rootNames(sam)).toContain("Sam's yard");
  });

  it("answers membership inline exactly as the database's entity_member does, for every user and entity", async () => {
    const users = await rowsOf<{ id: string; roles: string[] }>(pool, `SELECT "id", "roles" FROM "user"`);
    for (const user of users) {
      const actor = { id: user.id, roles: ["engineer" as const] };
      const disagreeing = await rowsOf<{ id: string }>(
        pool,
        sql`SELECT e."id" FROM "entity" e WHERE (${memberOf(actor, "e")}) IS DISTINCT FROM entity_member(${user.id}, e."ancestorIds" || e."id")`,
      );
      expect(disagreeing).toEqual([]);
    }
    // And the flags agree with membership of the parent, everywhere.
    const staleOwners = await rowsOf(
      pool,
      `SELECT "id" FROM "entity" WHERE "topOfOwner" IS DISTINCT FROM NOT entity_member("ownerId", "ancestorIds")`,
    );
    const staleShares = await rowsOf(
      pool,
      `SELECT s."entityId" FROM "entity_share" s JOIN "entity" e ON e."id" = s."entityId"
        WHERE s."topOfUser" IS DISTINCT FROM NOT entity_member(s."userId", e."ancestorIds")`,
    );
    expect([staleOwners, staleShares]).toEqual([[], []]);
    expect((await rowOf<{ n: number }>(pool, `SELECT count(*)::int AS n FROM "entity"`))!.n).toBeGreaterThan(10);
  });
});
