import { afterAll, describe, expect, it } from "vitest";
import shipped from "@/definitions";
import { controller, dataView, UserError } from "@/lib/controller";
import { dispatchCall } from "@/lib/controller/dispatch-call";
import { createEntity } from "@/lib/entities/create-entity";
import { findEntityForUser } from "@/lib/entities/get-entity";
import { listEntityTypes } from "@/lib/entities/list-entity-types";
import { saveParams } from "@/lib/entities/save-params";
import { newActor, valueOf } from "@/lib/entities/test-support/users";
import { entityType, installation } from "@/lib/installation";
import { number, option, parametrization, tab } from "@/lib/params";
import { install } from "./install";

// The tutorial's type (docs/tutorial.md), declared as an author declares one (definitions/footing/), then added
// to the shipped list the way definitions/entity-types.ts adds one line: nothing else changes, not
// the project it sits in, not a registry the browser reads, not a list of names in a test.

const footingParams = parametrization({
  geometry: tab("Geometry", {
    width: number("Width", { min: 0.5, max: 10, default: 2, suffix: "m" }),
    depth: number("Depth", { min: 0.3, max: 3, default: 0.8, suffix: "m" }),
  }),
  soil: tab("Soil", { kind: option("Soil", { options: ["sand", "clay"], default: "sand" }) }),
});

const footing = entityType({
  name: "footing",
  label: "Footing",
  params: footingParams,
  placement: { under: ["project"] },
  controller: controller(footingParams, {
    views: {
      bearing: dataView("Bearing", ({ params }) => {
        const { width, depth } = params.geometry;
        if (depth > width) throw new UserError("The footing is deeper than it is wide: check the depth.");
        return { kind: "data", items: [{ label: "Unity check", value: 180 / (width * width * 120), decimals: 2 }] };
      }),
    },
    summary: { uc: { label: "UC", view: "bearing", item: "Unity check" } },
  }),
});

install(installation({ entityTypes: [...shipped.entityTypes, footing], flows: shipped.flows }));
afterAll(() => void install(shipped));

describe("a fourth entity type", () => {
  it("is offered inside projects and nowhere else, without the project's type changing", () => {
    const types = listEntityTypes();
    expect(types.find((type) => type.name === "project")?.children).toContain("footing");
    expect(types.find((type) => type.name === "footing")).toMatchObject({ label: "Footing", atRoot: false, children: [] });
    expect(shipped.entityTypes.find((type) => type.name === "project")?.placement).toEqual({ atRoot: true, under: ["project"] });
  });

  it("is created in a project, saved with its summary, and its view runs through the dispatcher", async () => {
    const erin = await newActor("Erin", "engineer");
    const project = valueOf(await createEntity(erin, { type: "project", name: "Depot", parentId: null }));
    expect(await createEntity(erin, { type: "footing", name: "Loose", parentId: null })).toMatchObject({
      ok: false,
      failure: { code: "refused", message: "A Footing cannot sit at the top of the tree; put it in a project." },
    });
    const created = valueOf(await createEntity(erin, { type: "footing", name: "F1", parentId: project.id }));
    const saved = await saveParams(erin, {
      id: created.id,
      params: { geometry: { width: 3, depth: 1 }, soil: { kind: "clay" } },
      expectedVersion: 1,
    });
    expect(saved).toMatchObject({ ok: true, value: { version: 2 } });
    expect((await findEntityForUser(erin, created.id))?.summary).toEqual({ uc: { label: "UC", value: 180 / (9 * 120), decimals: 2 } });

    const run = (params: unknown) => dispatchCall({ actor: erin, entityId: created.id }, { kind: "view", name: "bearing", params });
    expect(await run({ geometry: { width: 3, depth: 1 }, soil: { kind: "clay" } })).toEqual({
      ok: true,
      value: { kind: "data", items: [{ label: "Unity check", value: 180 / (9 * 120), decimals: 2 }] },
    });
    expect(await run({ geometry: { width: 1, depth: 2 }, soil: { kind: "sand" } })).toEqual({
      ok: false,
      failure: { code: "refused", message: "The footing is deeper than it is wide: check the depth.", fields: [] },
    });
  });
});
