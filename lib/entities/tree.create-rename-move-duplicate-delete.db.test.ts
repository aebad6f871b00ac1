import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createEntity } from "./create-entity";
import { deleteEntity } from "./delete-entity";
import { duplicateEntity } from "./duplicate-entity";
import { findEntityForUser } from "./get-entity";
import { listRevisions } from "./list-revisions";
import { walkTree } from "./test-support/walk-tree";
import { moveEntity } from "./move-entity";
import { renameEntity } from "./rename-entity";
import { newActor, valueOf } from "./test-support/users";
import type { Actor } from "./types";

async function project(actor: Actor, name: string, parentId: string | null = null) {
  return valueOf(await createEntity(actor, { type: "project", name, parentId })).id;
}

describe("creating entities", () => {
  it("creates a project, and a beam in it with default params as version 1", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = await project(erin, "  Bridge  ");
    const b = valueOf(await createEntity(erin, { type: "beam", name: "Main girder", parentId: p })).id;

    const beam = await findEntityForUser(erin, b);
    expect(beam).toMatchObject({
      type: "beam",
      name: "Main girder",
      parentId: p,
      version: 1,
      canEdit: true,
      owner: { id: erin.id, name: "Erin" },
    });
    expect(beam!.params).toMatchObject({ geometry: { section: { profile: "IPE 300" } } });
    expect((await findEntityForUser(erin, p))?.name).toBe("Bridge");
    const revisions = await listRevisions(erin, b);
    expect(revisions?.map((r) => [r.version, r.savedBy.name])).toEqual([[1, "Erin"]]);
  });

  it("stores the summary of a type whose controller declares one", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = await project(erin, "Cubes");
    const c = valueOf(await createEntity(erin, { type: "cube", name: "Unit cube", parentId: p })).id;
    expect((await findEntityForUser(erin, c))?.summary).toEqual({ volume: { label: "Volume", value: 1, suffix: "m³", decimals: 3 } });
  });

  it.each([
    ["an unknown type", { type: "bridge", name: "X", parentId: null }, { code: "refused", message: 'There is no entity type "bridge".' }],
    ["an empty name", { type: "project", name: "   ", parentId: null }, { code: "refused", message: "Give the entity a name." }],
    [
      "a beam at the top",
      { type: "beam", name: "Loose", parentId: null },
      { code: "refused", message: "A Steel beam cannot sit at the top of the tree; put it in a project." },
    ],
    [
      "a missing parent",
      { type: "beam", name: "B", parentId: "nope" },
      { code: "not_found", message: "There is no such entity, or you may not see it." },
    ],
  ])("refuses %s", async (_, input, failure) => {
    const erin = await newActor("Erin", "engineer");
    expect(await createEntity(erin, input)).toEqual({ ok: false, failure: { ...failure, fields: [] } });
  });

  it("refuses a child the parent's type does not hold", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = await project(erin, "P");
    const b = valueOf(await createEntity(erin, { type: "beam", name: "B", parentId: p })).id;
    expect(await createEntity(erin, { type: "cube", name: "C", parentId: b })).toEqual({
      ok: false,
      failure: { code: "refused", message: "A Steel beam cannot hold a Cube.", fields: [] },
    });
  });
});

describe("renaming, moving, duplicating and deleting", () => {
  it("renames an entity without making a revision", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = await project(erin, "Old");
    expect(valueOf(await renameEntity(erin, { id: p, name: " New " }))).toEqual({ name: "New" });
    expect(await findEntityForUser(erin, p)).toMatchObject({ name: "New", version: 1 });
  });

  it("moves a beam to another project, and a project to the top", async () => {
    const erin = await newActor("Erin", "engineer");
    const a = await project(erin, "A");
    const b = await project(erin, "B");
    const inner = await project(erin, "Inner", a);
    const beam = valueOf(await createEntity(erin, { type: "beam", name: "Beam", parentId: a })).id;
    valueOf(await moveEntity(erin, { id: beam, parentId: b }));
    valueOf(await moveEntity(erin, { id: inner, parentId: null }));
    const tree = await walkTree(erin);
    expect(tree.find((e) => e.id === beam)?.parentId).toBe(b);
    expect(tree.find((e) => e.id === inner)?.parentId).toBeNull();
  });

  it("refuses to move a project into its own descendant, and a beam to the top", async () => {
    const erin = await newActor("Erin", "engineer");
    const a = await project(erin, "A");
    const child = await project(erin, "Child", a);
    const grandchild = await project(erin, "Grandchild", child);
    const beam = valueOf(await createEntity(erin, { type: "beam", name: "Beam", parentId: a })).id;
    for (const target of [a, child, grandchild]) {
      expect(await moveEntity(erin, { id: a, parentId: target })).toMatchObject({ ok: false, failure: { code: "refused" } });
    }
    expect(await moveEntity(erin, { id: beam, parentId: null })).toMatchObject({ ok: false, failure: { code: "refused" } });
    expect(await moveEntity(erin, { id: child, parentId: beam })).toEqual({
      ok: false,
      failure: { code: "refused", message: "A Steel beam cannot hold a Project.", fields: [] },
    });
  });

  it("never stores a cycle when two moves cross (A into B, B into A) at once", async () => {
    const erin = await newActor("Erin", "engineer");
    const a = await project(erin, "A");
    const b = await project(erin, "B");
    const results = await Promise.all([moveEntity(erin, { id: a, parentId: b }), moveEntity(erin, { id: b, parentId: a })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const rows = await db.entity.findMany({ where: { id: { in: [a, b] } }, select: { id: true, parentId: true } });
    expect(rows.filter((row) => row.parentId === null)).toHaveLength(1);
  });

  it("duplicates a project with its subtree next to the original, owned by the actor", async () => {
    const erin = await newActor("Erin", "engineer");
    const root = await project(erin, "Root");
    const p = await project(erin, "Tower", root);
    await project(erin, "Floor 1", p);
    const beam = valueOf(await createEntity(erin, { type: "beam", name: "Girder", parentId: p })).id;
    const copy = valueOf(await duplicateEntity(erin, p));
    expect(copy.copied).toBe(3);
    const tree = await walkTree(erin);
    const copied = tree.find((e) => e.id === copy.id)!;
    expect(copied).toMatchObject({ name: "Tower (copy)", parentId: root });
    expect(await findEntityForUser(erin, copy.id)).toMatchObject({ version: 1 });
    expect(
      tree
        .filter((e) => e.parentId === copy.id)
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Floor 1", "Girder"]);
    const copiedBeam = tree.find((e) => e.parentId === copy.id && e.type === "beam")!;
    expect(copiedBeam.id).not.toBe(beam);
    expect((await findEntityForUser(erin, copiedBeam.id))?.params).toEqual((await findEntityForUser(erin, beam))?.params);
    expect(await listRevisions(erin, copiedBeam.id)).toHaveLength(1);
  });

  it("deletes a project with its whole subtree and their revisions, and says how many went", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = await project(erin, "Doomed");
    const inner = await project(erin, "Inner", p);
    const beam = valueOf(await createEntity(erin, { type: "beam", name: "Beam", parentId: inner })).id;
    const keep = await project(erin, "Keep");
    expect(await deleteEntity(erin, p)).toEqual({ ok: true, value: { deleted: 3 } });
    expect(await db.entity.count({ where: { id: { in: [p, inner, beam] } } })).toBe(0);
    expect(await db.entityRevision.count({ where: { entityId: beam } })).toBe(0);
    expect(await findEntityForUser(erin, keep)).not.toBeNull();
    expect(await deleteEntity(erin, p)).toMatchObject({ ok: false, failure: { code: "not_found" } });
  });
});
