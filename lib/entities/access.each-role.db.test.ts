import { beforeAll, describe, expect, it } from "vitest";
import { withDefaults } from "@/lib/params";
import { beamParams } from "@/definitions/beam/params";
import { createEntity } from "./create-entity";
import { deleteEntity } from "./delete-entity";
import { duplicateEntity } from "./duplicate-entity";
import { findEntityForUser } from "./get-entity";
import { listRevisions } from "./list-revisions";
import { walkTree } from "./test-support/walk-tree";
import { moveEntity } from "./move-entity";
import { renameEntity } from "./rename-entity";
import { restoreRevision } from "./restore-revision";
import { saveParams } from "./save-params";
import { shareEntity } from "./share-entity";
import { newActor, valueOf } from "./test-support/users";
import type { Actor } from "./types";

let owner: Actor & { email: string };
let shared: Actor & { email: string };
let other: Actor;
let reviewer: Actor;
let admin: Actor;
let projectId: string;
let beamId: string;
let othersProjectId: string;

beforeAll(async () => {
  owner = await newActor("Olga Owner", "engineer");
  shared = await newActor("Sam Shared", "engineer");
  other = await newActor("Otto Other", "engineer");
  reviewer = await newActor("Rita Reviewer", "reviewer");
  admin = await newActor("Adam Admin", "admin");
  projectId = valueOf(await createEntity(owner, { type: "project", name: "Olga's project", parentId: null })).id;
  beamId = valueOf(await createEntity(owner, { type: "beam", name: "Olga's beam", parentId: projectId })).id;
  othersProjectId = valueOf(await createEntity(other, { type: "project", name: "Otto's project", parentId: null })).id;
  valueOf(await shareEntity(owner, { id: projectId, email: shared.email }));
});

const NOT_FOUND = { ok: false, failure: { code: "not_found", message: "There is no such entity, or you may not see it.", fields: [] } };
const READ_ONLY = { ok: false, failure: { code: "forbidden", message: "You may read this entity but not change it.", fields: [] } };

describe("who sees which entities", () => {
  it("shows an engineer what they own or what is shared with them, with everything inside", async () => {
    expect((await walkTree(owner)).map((e) => e.name).sort()).toEqual(["Olga's beam", "Olga's project"]);
    expect((await walkTree(shared)).map((e) => [e.name, e.canEdit])).toEqual([
      ["Olga's beam", true],
      ["Olga's project", true],
    ]);
    expect((await walkTree(other)).map((e) => e.name)).toEqual(["Otto's project"]);
  });

  it("shows reviewers and admins everything; only admins may edit all", async () => {
    const names = (tree: { name: string }[]) =>
      tree
        .map((e) => e.name)
        .filter((n) => n.startsWith("Olga") || n.startsWith("Otto"))
        .sort();
    expect(names(await walkTree(reviewer))).toEqual(["Olga's beam", "Olga's project", "Otto's project"]);
    expect((await walkTree(reviewer)).every((e) => !e.canEdit)).toBe(true);
    expect(names(await walkTree(admin))).toEqual(["Olga's beam", "Olga's project", "Otto's project"]);
    expect((await walkTree(admin)).every((e) => e.canEdit)).toBe(true);
  });

  it("answers another engineer's entity as not found, in every operation", async () => {
    const params = withDefaults(beamParams, {});
    expect(await findEntityForUser(other, beamId)).toBeNull();
    expect(await listRevisions(other, beamId)).toBeNull();
    expect(await saveParams(other, { id: beamId, params, expectedVersion: 1 })).toEqual(NOT_FOUND);
    expect(await restoreRevision(other, { id: beamId, version: 1, expectedVersion: 1 })).toEqual(NOT_FOUND);
    expect(await renameEntity(other, { id: beamId, name: "Mine now" })).toEqual(NOT_FOUND);
    expect(await moveEntity(other, { id: beamId, parentId: othersProjectId })).toEqual(NOT_FOUND);
    expect(await moveEntity(owner, { id: beamId, parentId: othersProjectId })).toEqual(NOT_FOUND);
    expect(await duplicateEntity(other, beamId)).toEqual(NOT_FOUND);
    expect(await deleteEntity(other, beamId)).toEqual(NOT_FOUND);
    expect(await createEntity(other, { type: "beam", name: "Sneaky", parentId: projectId })).toEqual(NOT_FOUND);
    expect(await shareEntity(other, { id: projectId, email: "x@example.test" })).toEqual(NOT_FOUND);
  });

  it("lets a reviewer read but not change anything", async () => {
    const params = withDefaults(beamParams, {});
    expect(await findEntityForUser(reviewer, beamId)).toMatchObject({ name: "Olga's beam", canEdit: false });
    expect(await listRevisions(reviewer, beamId)).toHaveLength(1);
    expect(await saveParams(reviewer, { id: beamId, params, expectedVersion: 1 })).toEqual(READ_ONLY);
    expect(await renameEntity(reviewer, { id: beamId, name: "x" })).toEqual(READ_ONLY);
    expect(await deleteEntity(reviewer, beamId)).toEqual(READ_ONLY);
    expect(await duplicateEntity(reviewer, beamId)).toEqual(READ_ONLY);
    expect(await createEntity(reviewer, { type: "project", name: "R", parentId: null })).toEqual({
      ok: false,
      failure: { code: "forbidden", message: "Only engineers and admins create entities.", fields: [] },
    });
  });

  it("lets the engineer it is shared with edit, and an admin edit anything", async () => {
    const params = withDefaults(beamParams, {});
    expect(await findEntityForUser(shared, beamId)).toMatchObject({ canEdit: true });
    const first = valueOf(await saveParams(shared, { id: beamId, params, expectedVersion: 1 }));
    valueOf(await saveParams(admin, { id: beamId, params, expectedVersion: first.version }));
    valueOf(await renameEntity(admin, { id: othersProjectId, name: "Otto's project" }));
  });
});
