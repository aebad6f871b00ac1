import type { Metadata } from "next";
import { EntityTree } from "@/components/editor/entity-tree";
import { requireUser } from "@/app/platform";
import { canCreate } from "@/lib/entities/access";
import { listEntityTypes } from "@/lib/entities/list-entity-types";
import { openTree } from "@/lib/entities/list-tree";

export const metadata: Metadata = { title: "Editor" };

// GET /editor: the tree of the entities the user may see (its roots, a page at a time); pick one to edit it.
export default async function EditorPage() {
  const user = await requireUser("app.use");
  const tree = (await openTree(user, null))!;
  return (
    <div className="grid gap-8 md:grid-cols-[minmax(16rem,22rem)_1fr]">
      <div>
        <EntityTree open={tree} types={listEntityTypes()} canCreate={canCreate(user)} />
      </div>
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Editor</h1>
        <p className="max-w-prose text-slate-600">
          {tree.roots.total === 0
            ? canCreate(user)
              ? "Start with a project: it holds your steel beams, cubes and sub-projects. Then open an entity to edit its inputs; every save is kept in its history."
              : "Entities shared with you, or that you review, will be listed here."
            : "Open an entity from the tree, or search for it by name, to edit its inputs. Use the ⋯ button next to an entity to create, rename, move, duplicate, share or delete."}
        </p>
      </div>
    </div>
  );
}
