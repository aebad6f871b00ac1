import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityEditor } from "@/components/editor/entity-editor";
import { EntityTree } from "@/components/editor/entity-tree";
import { EntityContents } from "@/components/editor/entity-contents";
import { EntityProcesses } from "@/components/inbox/entity-processes";
import { EntityViewsPanel } from "@/components/views/entity-views-panel";
import { installed } from "@/lib/installation/install";
import { requireUser } from "@/app/platform";
import { describeButtons } from "@/lib/controller/describe-buttons";
import { describeViews } from "@/lib/controller/describe-views";
import { canCreate } from "@/lib/entities/access";
import { findEntityForUser } from "@/lib/entities/get-entity";
import { listEntityTypes } from "@/lib/entities/list-entity-types";
import { listChildren } from "@/lib/entities/list-children";
import { openTree } from "@/lib/entities/list-tree";
import { flowsForEntity } from "@/lib/flow/inbox/flows-for-entity";
import { listEntityProcesses } from "@/lib/flow/inbox/get-process-page";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser("app.use");
  const entity = await findEntityForUser(user, (await params).id);
  return { title: entity ? entity.name : "Not found" };
}

// GET /editor/:id: the tree opened down to the entity, the entity's params form, its views, what it holds and its processes.
export default async function EntityPage({ params }: Props) {
  const user = await requireUser("app.use");
  const { id } = await params;
  const entity = await findEntityForUser(user, id);
  if (!entity) notFound();
  const type = installed().entityType(entity.type);
  const holds = installed().childTypesOf(entity.type).length > 0;
  // The flow snapshot before the processes are read (lib/events/flow-snapshot.ts).
  const snapshot = await readFlowSnapshot();
  const [tree, processes, contents] = await Promise.all([
    openTree(user, entity.id),
    listEntityProcesses(entity.id),
    holds ? listChildren(user, entity.id) : null,
  ]);
  if (!tree) notFound();
  const types = listEntityTypes();

  return (
    // Wider than the app's column: tree, form and views side by side.
    <div className="mx-[calc(50%-50vw+1.5rem)] grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="min-w-0">
        <EntityTree open={tree} types={types} currentId={entity.id} canCreate={canCreate(user)} />
      </aside>
      <div className="min-w-0 space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <ol className="flex flex-wrap items-center gap-1">
            <li>
              <Link href="/editor" className="hover:text-slate-900">
                Editor
              </Link>
            </li>
            {tree.path.map((ancestor) => (
              <li key={ancestor.id} className="flex items-center gap-1">
                <span aria-hidden>/</span>
                <Link href={`/editor/${ancestor.id}`} className="hover:text-slate-900">
                  {ancestor.name}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <EntityEditor
          key={entity.id}
          entity={entity}
          type={type && { label: type.label, folder: type.folder, buttons: type.controller ? describeButtons(type.controller) : {} }}
          // The views panel: the entity's views on the form's live params (components/views).
          viewsSlot={<EntityViewsPanel views={describeViews(type?.controller ?? null)} />}
        />
        {contents && <EntityContents entityId={entity.id} entityName={entity.name} types={types} first={contents} />}
        {/* The flows this entity may start, and the processes it is part of (components/inbox). */}
        <EntityProcesses
          entityId={entity.id}
          entityName={entity.name}
          version={entity.version}
          startable={entity.canEdit ? flowsForEntity(user) : []}
          processes={processes}
          snapshot={snapshot}
        />
      </div>
    </div>
  );
}
