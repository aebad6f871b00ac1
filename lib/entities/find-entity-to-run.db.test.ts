import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createEntity } from "./create-entity";
import { findEntityForUser, findEntityToRun } from "./get-entity";
import { shareEntity } from "./share-entity";
import { newActor, valueOf } from "./test-support/users";
import type { Actor } from "./types";

let owner: Actor & { email: string };
let sharedWith: Actor & { email: string };
let other: Actor;
let reviewer: Actor;
let admin: Actor;
let noRoles: Actor;
let projectId: string;
let beamId: string;

beforeAll(async () => {
  owner = await newActor("Olga Owner", "engineer");
  sharedWith = await newActor("Sam Shared", "engineer");
  other = await newActor("Otto Other", "engineer");
  reviewer = await newActor("Rita Reviewer", "reviewer");
  admin = await newActor("Adam Admin", "admin");
  noRoles = await newActor("Nora Noroles");
  projectId = valueOf(await createEntity(owner, { type: "project", name: "Olga's project", parentId: null })).id;
  beamId = valueOf(await createEntity(owner, { type: "beam", name: "Olga's beam", parentId: projectId })).id;
  valueOf(await shareEntity(owner, { id: projectId, email: sharedWith.email }));
});

describe("findEntityToRun: the view call's entity in one statement, by the access rules", () => {
  it("gives the owner the entity to run, editable", async () => {
    expect(await findEntityToRun(owner, beamId)).toEqual({ id: beamId, type: "beam", name: "Olga's beam", canEdit: true });
  });

  it("gives an engineer it is shared with (through its project) the entity, editable", async () => {
    expect(await findEntityToRun(sharedWith, beamId)).toEqual({ id: beamId, type: "beam", name: "Olga's beam", canEdit: true });
  });

  it("gives a reviewer the entity read-only, an admin editable", async () => {
    expect(await findEntityToRun(reviewer, beamId)).toMatchObject({ id: beamId, canEdit: false });
    expect(await findEntityToRun(admin, beamId)).toMatchObject({ id: beamId, canEdit: true });
  });

  it("answers another engineer, a user without roles and an unknown id alike: null", async () => {
    expect(await findEntityToRun(other, beamId)).toBeNull();
    expect(await findEntityToRun(other, projectId)).toBeNull();
    expect(await findEntityToRun(noRoles, beamId)).toBeNull();
    expect(await findEntityToRun(owner, randomUUID())).toBeNull();
    expect(await findEntityToRun(admin, "not-an-id")).toBeNull();
  });

  it("agrees with findEntityForUser for every actor and entity", async () => {
    for (const actor of [owner, sharedWith, other, reviewer, admin, noRoles]) {
      for (const id of [projectId, beamId, randomUUID()]) {
        const full = await findEntityForUser(actor, id);
        const toRun = await findEntityToRun(actor, id);
        expect(toRun).toEqual(full && { id: full.id, type: full.type, name: full.name, canEdit: full.canEdit });
      }
    }
  });
});
