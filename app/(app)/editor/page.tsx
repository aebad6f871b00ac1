import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Editor" };

// GET /editor: the entity tree and the parametric editor.
export default async function EditorPage() {
  await requireUser("engineer", "reviewer", "admin");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Editor</h1>
      <EmptyState title="No entities yet">
        Entity types are declared in <code>definitions/registry.ts</code>; entities you create from them will be listed here.
      </EmptyState>
    </div>
  );
}
