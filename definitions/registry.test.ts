import { describe, expect, it } from "vitest";
import { validateParams, withDefaults } from "@/lib/params";
import { entityType } from "@/lib/entities/entity-type";
import { entityTypeProblems } from "@/lib/entities/check-entity-types";
import { beamParams } from "./beam/params";
import { entityTypeNamed, entityTypes } from "./registry";

describe("the registry", () => {
  it("serves each shipped type by name, and null for a name it does not know", () => {
    expect(entityTypes.map((type) => type.name)).toEqual(["project", "beam", "cube"]);
    expect(entityTypeNamed("beam")?.label).toBe("Steel beam");
    expect(entityTypeNamed("foundation")).toBeNull();
  });

  it("starts every shipped type with valid params", () => {
    for (const type of entityTypes) {
      const result = validateParams(type.params, withDefaults(type.params, {}), { source: "browser" });
      expect(result.ok, `${type.name}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it("refuses duplicate names and unregistered child types", () => {
    const a = entityType({ name: "a", label: "A", params: beamParams, children: ["ghost"] });
    expect(entityTypeProblems([a, a])).toEqual([
      'Entity type "a" is registered twice.',
      'Entity type "a" allows children of type "ghost", which is not registered.',
      'Entity type "a" allows children of type "ghost", which is not registered.',
    ]);
  });
});

describe("the steel beam's params", () => {
  const defaults = withDefaults(beamParams, {});

  it("default to a simply supported 6 m IPE 300 in S355 with 50 kN at midspan", () => {
    expect(defaults).toMatchObject({
      geometry: {
        nodes: [
          { id: "A", x: 0 },
          { id: "B", x: 3 },
          { id: "C", x: 6 },
        ],
        supports: [
          { node: "A", type: "pinned" },
          { node: "C", type: "roller" },
        ],
        section: { family: "IPE", profile: "IPE 300", grade: "S355" },
      },
      loads: { pointLoads: [{ x: 3, F: 50 }], distributedLoads: [], selfWeight: true },
    });
  });

  it("refuses a point load beyond the last node, a support on an unknown node and a profile of another family", () => {
    const result = validateParams(
      beamParams,
      {
        ...defaults,
        geometry: {
          ...(defaults.geometry as object),
          supports: [{ node: "Z", type: "pinned" }],
          section: { family: "HEA", profile: "IPE 300", grade: "S355" },
        },
        loads: { ...(defaults.loads as object), pointLoads: [{ x: 7, F: 50 }] },
      },
      { source: "browser" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      "geometry.section.profile",
      "geometry.supports[0].node",
      "loads.pointLoads[0].x",
    ]);
  });
});

describe("the browser's params registry", () => {
  it("holds the same parametrization as the registry for every type", async () => {
    const { parametrizationOf } = await import("./params-registry");
    for (const type of entityTypes) expect(parametrizationOf(type.name)).toBe(type.params);
    expect(parametrizationOf("constructor")).toBeNull();
  });
});
