import { describe, expect, it } from "vitest";
import type { TreeEntity } from "@/lib/entities/types";
import { ancestorsOf, moveTargets, pathName, subtreeOf, treeModel, type TypeInfo } from "./tree-model";

const entity = (id: string, type: string, parentId: string | null, canEdit = true): TreeEntity => ({
  id,
  type,
  name: id,
  parentId,
  canEdit,
  owner: { id: "u", name: "U" },
  version: 1,
  updatedAt: "",
  summary: {},
});
const types: TypeInfo[] = [
  { name: "project", label: "Project", children: ["project", "beam"], atRoot: true, fromFiles: [] },
  { name: "beam", label: "Steel beam", children: [], atRoot: false, fromFiles: [] },
];
const model = treeModel([
  entity("A", "project", null),
  entity("A1", "project", "A"),
  entity("A1x", "beam", "A1"),
  entity("B", "project", null),
  entity("C", "project", null, false),
  entity("orphan", "beam", "gone"),
]);

describe("the tree model", () => {
  it("finds roots (and entities whose parent is not visible), subtrees and paths", () => {
    expect(model.roots.map((e) => e.id)).toEqual(["A", "B", "C", "orphan"]);
    expect([...subtreeOf(model, "A")].sort()).toEqual(["A", "A1", "A1x"]);
    expect(pathName(model, "A1x")).toBe("A / A1 / A1x");
    expect(ancestorsOf(model, "A1x").map((e) => e.id)).toEqual(["A", "A1"]);
  });

  it("offers as move targets only editable entities that hold the type, never the subtree or the current parent", () => {
    expect(moveTargets(model, types, "A1")).toEqual([
      { id: null, label: "Top level" },
      { id: "B", label: "B" },
    ]);
    expect(moveTargets(model, types, "A1x").map((t) => t.id)).toEqual(["A", "B"]);
    expect(moveTargets(model, types, "A").map((t) => t.id)).toEqual(["B"]);
  });
});
