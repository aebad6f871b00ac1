// The editor's tree as the browser holds it: pages of children merged per node, and where the
// keyboard moves focus among the rows on screen. Pure; unit-tested.
import type { EntityTypeInfo, TreeNode, TreePage } from "@/lib/entities/types";

export type TypeInfo = EntityTypeInfo;

/** A node's children as far as they are loaded: contiguous pages, merged. */
export interface LoadedChildren {
  readonly items: readonly TreeNode[];
  /** How many come before the first loaded item (there is an earlier page when > 0). */
  readonly offset: number;
  readonly total: number;
  /** The cursors of the pages either side of what is loaded, null at either end. */
  readonly before: string | null;
  readonly after: string | null;
}

/** Pages in order (earlier pages first), as react-query's infinite query holds them, merged into one run of children. */
export function mergePages(pages: readonly TreePage[]): LoadedChildren {
  const first = pages[0];
  const last = pages.at(-1);
  const seen = new Set<string>();
  const items: TreeNode[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return {
    items,
    offset: first?.offset ?? 0,
    total: last?.total ?? 0,
    before: first?.before ?? null,
    after: last?.after ?? null,
  };
}

/** How many children are not loaded before and after what is. */
export function unloaded(children: LoadedChildren): { before: number; after: number } {
  return { before: children.offset, after: Math.max(0, children.total - children.offset - children.items.length) };
}

/** One row on screen, as the keyboard sees it. */
export interface RowInfo {
  readonly level: number;
  /** Null for a row that holds nothing (a leaf, a "show more" row). */
  readonly expanded: boolean | null;
}

/** What a key does on the focused row (WAI-ARIA's tree pattern): move focus to another row, open or close this one, or activate it. */
export type TreeMove = { readonly focus: number } | { readonly toggle: "open" | "close" } | { readonly activate: true } | null;

export function treeKey(rows: readonly RowInfo[], index: number, key: string): TreeMove {
  const row = rows[index];
  if (!row) return null;
  switch (key) {
    case "ArrowDown":
      return index + 1 < rows.length ? { focus: index + 1 } : null;
    case "ArrowUp":
      return index > 0 ? { focus: index - 1 } : null;
    case "Home":
      return { focus: 0 };
    case "End":
      return { focus: rows.length - 1 };
    case "ArrowRight":
      if (row.expanded === false) return { toggle: "open" };
      if (row.expanded === true && rows[index + 1] && rows[index + 1]!.level > row.level) return { focus: index + 1 };
      return null;
    case "ArrowLeft": {
      if (row.expanded === true) return { toggle: "close" };
      for (let at = index - 1; at >= 0; at--) if (rows[at]!.level < row.level) return { focus: at };
      return null;
    }
    case "Enter":
      return { activate: true };
    default:
      return null;
  }
}

/** The react-query key of every page of the tree: invalidated after anything that changes the tree. */
export const TREE_QUERY_KEY = "entity-tree";
