import { listTreePage } from "../list-tree";
import type { Actor, TreeNode } from "../types";

/** A node of the whole tree as a user sees it, with its parent in that tree (null for their roots). */
export type WalkedNode = TreeNode & { readonly parentId: string | null };

/**
 * Every node the actor's tree shows, read the way the editor does (the roots, then each node's
 * children, page by page), flattened and sorted by name: what the old whole-tree query answered, for tests.
 */
export async function walkTree(actor: Actor, pageSize?: number): Promise<WalkedNode[]> {
  const found: WalkedNode[] = [];
  const visit = async (parentId: string | null): Promise<void> => {
    let after: string | null = null;
    do {
      const page = await listTreePage(actor, { parentId, after, size: pageSize });
      if (!page) throw new Error(`The tree of ${actor.id} answers no page for ${parentId}.`);
      for (const node of page.items) {
        found.push({ ...node, parentId });
        if (node.children > 0) await visit(node.id);
      }
      after = page.after;
    } while (after);
  };
  await visit(null);
  // In name order, as the old whole-tree query answered.
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}
