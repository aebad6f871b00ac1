import { describe, expect, it } from "vitest";
import type { TreeNode, TreePage } from "@/lib/entities/types";
import { mergePages, treeKey, unloaded, type RowInfo } from "./tree-model";

const node = (id: string): TreeNode => ({ id, type: "beam", name: id, canEdit: true, children: 0 });
const page = (ids: string[], offset: number, total: number, before: string | null, after: string | null): TreePage => ({
  parentId: "P",
  items: ids.map(node),
  offset,
  total,
  before,
  after,
});

describe("the tree's loaded children", () => {
  it("merges an earlier page, a window and a later page into one run, and says what is left either side", () => {
    const merged = mergePages([
      page(["a", "b"], 3, 10, "c-a", null),
      page(["c", "d"], 5, 10, "c-c", "c-d"),
      page(["d", "e"], 6, 10, "c-d", "c-e"),
    ]);
    expect(merged.items.map((n) => n.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(merged).toMatchObject({ offset: 3, total: 10, before: "c-a", after: "c-e" });
    expect(unloaded(merged)).toEqual({ before: 3, after: 2 });
    expect(unloaded(mergePages([page(["a"], 0, 1, null, null)]))).toEqual({ before: 0, after: 0 });
  });
});

describe("the keyboard in the tree", () => {
  // A (open) > A1 (closed), A2; B (leaf); a "show more" row at level 1.
  const rows: RowInfo[] = [
    { level: 1, expanded: true },
    { level: 2, expanded: false },
    { level: 2, expanded: null },
    { level: 1, expanded: null },
    { level: 1, expanded: null },
  ];

  it("moves up and down the rows on screen, and to the first and last with Home and End", () => {
    expect(treeKey(rows, 0, "ArrowDown")).toEqual({ focus: 1 });
    expect(treeKey(rows, 4, "ArrowDown")).toBeNull();
    expect(treeKey(rows, 2, "ArrowUp")).toEqual({ focus: 1 });
    expect(treeKey(rows, 0, "ArrowUp")).toBeNull();
    expect(treeKey(rows, 2, "Home")).toEqual({ focus: 0 });
    expect(treeKey(rows, 0, "End")).toEqual({ focus: 4 });
  });

  it("opens a closed node with ArrowRight, then steps into it; closes an open one with ArrowLeft, else goes to its parent", () => {
    expect(treeKey(rows, 1, "ArrowRight")).toEqual({ toggle: "open" });
    expect(treeKey(rows, 0, "ArrowRight")).toEqual({ focus: 1 });
    expect(treeKey(rows, 3, "ArrowRight")).toBeNull();
    expect(treeKey(rows, 0, "ArrowLeft")).toEqual({ toggle: "close" });
    expect(treeKey(rows, 2, "ArrowLeft")).toEqual({ focus: 0 });
    expect(treeKey(rows, 3, "ArrowLeft")).toBeNull();
    expect(treeKey(rows, 2, "Enter")).toEqual({ activate: true });
    expect(treeKey(rows, 2, "x")).toBeNull();
  });
});
