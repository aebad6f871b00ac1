import { describe, expect, it } from "vitest";
import beam from "@/definitions/beam";
import cube from "@/definitions/cube";
import project from "@/definitions/project";
import type { EntityType } from "@/lib/installation/entity-type";
import { placementProblem } from "./placement";

const t = (type: unknown) => type as EntityType;
const under = (id: string, type: EntityType | null, ancestorIds: string[] = []) => ({ id, type, ancestorIds });

describe("where an entity may be placed", () => {
  it("allows a beam in a project and a project at the top", () => {
    expect(placementProblem({ type: t(beam), entityId: null, parent: under("p", t(project)) })).toBeNull();
    expect(placementProblem({ type: t(project), entityId: "p", parent: null })).toBeNull();
  });

  it.each([
    ["into itself", "p1", under("p1", t(project)), "An entity cannot be moved into itself or into one of the entities it holds."],
    [
      "into its child",
      "p1",
      under("p2", t(project), ["p1"]),
      "An entity cannot be moved into itself or into one of the entities it holds.",
    ],
    [
      "into a deeper descendant",
      "p1",
      under("p3", t(project), ["p2", "p1", "root"]),
      "An entity cannot be moved into itself or into one of the entities it holds.",
    ],
  ])("refuses a move %s", (_, entityId, parent, message) => {
    expect(placementProblem({ type: t(project), entityId, parent })).toBe(message);
  });

  it("allows a move into a sibling's subtree", () => {
    expect(placementProblem({ type: t(project), entityId: "p1", parent: under("p3", t(project), ["p2", "root"]) })).toBeNull();
  });

  it("refuses a child type the parent does not hold, and a beam at the top", () => {
    expect(placementProblem({ type: t(project), entityId: null, parent: under("b", t(beam)) })).toBe("A Steel beam cannot hold a Project.");
    expect(placementProblem({ type: t(cube), entityId: null, parent: null })).toBe(
      "A Cube cannot sit at the top of the tree; put it in a project.",
    );
    expect(placementProblem({ type: t(beam), entityId: null, parent: under("x", null) })).toMatch(/no longer installed/);
  });
});
