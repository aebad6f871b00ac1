import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createEntity } from "./create-entity";
import { diffParams } from "./diff-params";
import { findEntityForUser } from "./get-entity";
import { listRevisions } from "./list-revisions";
import { restoreRevision } from "./restore-revision";
import { saveParams } from "./save-params";
import { shareEntity } from "./share-entity";
import { newActor, valueOf } from "./test-support/users";
import type { Actor } from "./types";

type Beam = { geometry: { section: { profile: string; family: string } }; loads: { pointLoads: { x: number; F: number }[] } };

async function newBeam(owner: Actor) {
  const p = valueOf(await createEntity(owner, { type: "project", name: "P", parentId: null })).id;
  const id = valueOf(await createEntity(owner, { type: "beam", name: "B", parentId: p })).id;
  const params = (await findEntityForUser(owner, id))!.params as unknown as Beam;
  return { id, params };
}

function withForce(params: Beam, F: number): Beam {
  const next = structuredClone(params);
  next.loads.pointLoads[0]!.F = F;
  return next;
}

describe("saving params", () => {
  it("saves valid params as the next version and revision", async () => {
    const erin = await newActor("Erin", "engineer");
    const { id, params } = await newBeam(erin);
    const saved = valueOf(await saveParams(erin, { id, params: withForce(params, 80), expectedVersion: 1 }));
    expect(saved.version).toBe(2);
    const entity = await findEntityForUser(erin, id);
    expect(entity).toMatchObject({ version: 2, params: { loads: { pointLoads: [{ x: 3, F: 80 }] } } });
    expect((await listRevisions(erin, id))?.map((r) => r.version)).toEqual([2, 1]);
  });

  it("refuses invalid params with the error at the field's path, and changes nothing", async () => {
    const erin = await newActor("Erin", "engineer");
    const { id, params } = await newBeam(erin);
    const bad = structuredClone(params);
    bad.loads.pointLoads[0]!.x = 9;
    const result = await saveParams(erin, { id, params: bad, expectedVersion: 1 });
    expect(result).toEqual({
      ok: false,
      failure: {
        code: "invalid_input",
        message: "Load position must be at most 6 m",
        fields: [{ path: "loads.pointLoads[0].x", message: "Load position must be at most 6 m" }],
      },
    });
    expect((await findEntityForUser(erin, id))?.version).toBe(1);
  });

  it("refuses the second of two saves from the same version, naming who saved and carrying their params", async () => {
    const erin = await newActor("Erin", "engineer");
    const finn = await newActor("Finn", "engineer");
    const { id, params } = await newBeam(erin);
    valueOf(await shareEntity(erin, { id, email: finn.email }));

    valueOf(await saveParams(finn, { id, params: withForce(params, 70), expectedVersion: 1 }));
    const second = await saveParams(erin, { id, params: withForce(params, 90), expectedVersion: 1 });
    expect(second.ok).toBe(false);
    if (second.ok || second.failure.code !== "conflict") throw new Error("expected a conflict");
    expect(second.failure.message).toBe("Changed by Finn since you opened it: version 2 is saved, and you started from version 1.");
    expect(second.failure).toMatchObject({ version: 2, savedBy: { id: finn.id, name: "Finn" } });
    expect(diffParams(withForce(params, 90), second.failure.params)).toEqual([
      { path: "loads.pointLoads[0].F", kind: "changed", before: 90, after: 70 },
    ]);
    expect((await findEntityForUser(erin, id))?.params).toMatchObject({ loads: { pointLoads: [{ F: 70 }] } });

    // Having seen the difference, Erin saves over it on purpose: both saves stay in the history.
    valueOf(await saveParams(erin, { id, params: withForce(params, 90), expectedVersion: 2 }));
    expect((await listRevisions(erin, id))?.map((r) => [r.version, r.savedBy.name])).toEqual([
      [3, "Erin"],
      [2, "Finn"],
      [1, "Erin"],
    ]);
  });

  it("lets exactly one of many simultaneous saves from the same version through", async () => {
    const erin = await newActor("Erin", "engineer");
    const { id, params } = await newBeam(erin);
    const results = await Promise.all(
      [10, 20, 30, 40, 50].map((F) => saveParams(erin, { id, params: withForce(params, F), expectedVersion: 1 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.failure.code === "conflict")).toHaveLength(4);
    expect(await db.entityRevision.count({ where: { entityId: id } })).toBe(2);
  });

  it("keeps the stored values of fields the type no longer has", async () => {
    const erin = await newActor("Erin", "engineer");
    const { id, params } = await newBeam(erin);
    await db.entity.update({ where: { id }, data: { params: { ...params, legacy: { note: "kept" } } } });
    expect(Object.keys((await findEntityForUser(erin, id))!.params)).not.toContain("legacy");
    valueOf(await saveParams(erin, { id, params: withForce(params, 60), expectedVersion: 1 }));
    const row = await db.entity.findUniqueOrThrow({ where: { id } });
    expect(row.params).toMatchObject({ legacy: { note: "kept" }, loads: { pointLoads: [{ F: 60 }] } });
  });
});

describe("restoring a revision", () => {
  it("saves the old params as a new revision, marked as restored", async () => {
    const erin = await newActor("Erin", "engineer");
    const { id, params } = await newBeam(erin);
    valueOf(await saveParams(erin, { id, params: withForce(params, 80), expectedVersion: 1 }));
    const restored = valueOf(await restoreRevision(erin, { id, version: 1, expectedVersion: 2 }));
    expect(restored.version).toBe(3);
    expect((await findEntityForUser(erin, id))?.params).toEqual(params);
    const [latest] = (await listRevisions(erin, id))!;
    expect(latest).toMatchObject({ version: 3, restoredFrom: 1, savedBy: { name: "Erin" } });
  });

  it("is refused like a save when someone saved in between", async () => {
    const erin = await newActor("Erin", "engineer");
    const { id, params } = await newBeam(erin);
    valueOf(await saveParams(erin, { id, params: withForce(params, 80), expectedVersion: 1 }));
    expect(await restoreRevision(erin, { id, version: 1, expectedVersion: 1 })).toMatchObject({
      ok: false,
      failure: { code: "conflict", version: 2 },
    });
    expect(await restoreRevision(erin, { id, version: 7, expectedVersion: 2 })).toMatchObject({
      ok: false,
      failure: { code: "not_found" },
    });
  });
});
