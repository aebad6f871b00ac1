"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { duplicateEntityAction } from "@/app/(app)/editor/actions";
import type { TreeEntity } from "@/lib/entities/types";
import { Button } from "@/components/ui/button";
import { TaskDialog, type TreeTask } from "./tree-task-dialog";
import { treeModel, type TreeModel, type TypeInfo } from "./tree-model";

export interface EntityTreeProps {
  readonly entities: readonly TreeEntity[];
  readonly types: readonly TypeInfo[];
  /** The entity open in the editor, if any. */
  readonly currentId?: string;
  /** Whether the user may create projects at the top of the tree (engineers and admins). */
  readonly canCreate: boolean;
}

/**
 * The tree of the entities the user may see. Each entity is a link; its "Actions" menu creates
 * children, renames, moves, duplicates, shares and deletes. Everything is a link or a button, so
 * the tree works from the keyboard; dialogs are modal and close with Escape.
 */
export function EntityTree({ entities, types, currentId, canCreate }: EntityTreeProps) {
  const model = useMemo(() => treeModel(entities), [entities]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [task, setTask] = useState<TreeTask | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rootTypes = types.filter((type) => type.atRoot);

  const toggle = (id: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <nav aria-label="Entities" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-700">Entities</h2>
        {canCreate && rootTypes.length > 0 && (
          <Button onClick={() => setTask({ kind: "create", parentId: null, types: rootTypes })}>
            New {rootTypes.length === 1 ? rootTypes[0]!.label.toLowerCase() : "entity"}
          </Button>
        )}
      </div>
      {notice && (
        <p role="status" className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700">
          {notice}
        </p>
      )}
      {model.roots.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
          <p className="font-medium text-slate-700">No entities yet</p>
          <p className="mt-1">
            {canCreate ? "Create a project to hold your beams and other entities." : "Nothing has been shared with you yet."}
          </p>
        </div>
      ) : (
        <ul className="space-y-0.5 text-sm">
          {model.roots.map((entity) => (
            <TreeItem
              key={entity.id}
              entity={entity}
              model={model}
              types={types}
              currentId={currentId}
              collapsed={collapsed}
              onToggle={toggle}
              onTask={setTask}
              depth={0}
            />
          ))}
        </ul>
      )}
      {task && (
        <TaskDialog task={task} model={model} types={types} currentId={currentId} onClose={() => setTask(null)} onNotice={setNotice} />
      )}
    </nav>
  );
}

function TreeItem({
  entity,
  model,
  types,
  currentId,
  collapsed,
  onToggle,
  onTask,
  depth,
}: {
  entity: TreeEntity;
  model: TreeModel;
  types: readonly TypeInfo[];
  currentId: string | undefined;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onTask: (task: TreeTask) => void;
  depth: number;
}) {
  const children = model.childrenOf(entity.id);
  const open = !collapsed.has(entity.id);
  const type = types.find((t) => t.name === entity.type);
  const current = entity.id === currentId;
  return (
    <li>
      <div
        className={`group flex items-center gap-1 rounded-md pr-1 ${current ? "bg-brand-50" : "hover:bg-slate-100"}`}
        style={{ paddingLeft: `${depth * 14}px` }}
      >
        {children.length > 0 ? (
          <button
            type="button"
            onClick={() => onToggle(entity.id)}
            aria-expanded={open}
            aria-label={`${open ? "Collapse" : "Expand"} ${entity.name}`}
            className="grid h-6 w-5 shrink-0 place-items-center rounded text-xs text-slate-500 hover:bg-slate-200"
          >
            {open ? "▾" : "▸"}
          </button>
        ) : (
          <span className="w-5 shrink-0" aria-hidden />
        )}
        <TypeBadge type={entity.type} />
        <Link
          href={`/editor/${entity.id}`}
          aria-current={current ? "page" : undefined}
          className={`min-w-0 flex-1 truncate py-1 ${current ? "font-semibold text-brand-700" : "text-slate-800"}`}
          title={type ? `${type.label}: ${entity.name}` : entity.name}
        >
          {entity.name}
        </Link>
        {entity.canEdit && <ActionsMenu entity={entity} type={type} types={types} onTask={onTask} />}
      </div>
      {children.length > 0 && open && (
        <ul>
          {children.map((child) => (
            <TreeItem
              key={child.id}
              entity={child}
              model={model}
              types={types}
              currentId={currentId}
              collapsed={collapsed}
              onToggle={onToggle}
              onTask={onTask}
              depth={depth + 1}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

const BADGES: Record<string, string> = { project: "P", beam: "B", cube: "C" };

function TypeBadge({ type }: { type: string }) {
  return (
    <span aria-hidden className="grid h-5 w-5 shrink-0 place-items-center rounded bg-slate-200 text-[10px] font-semibold text-slate-600">
      {BADGES[type] ?? type.slice(0, 1).toUpperCase()}
    </span>
  );
}

/** A disclosure of buttons: Escape or a click elsewhere closes it; focus returns to its button. */
function ActionsMenu({
  entity,
  type,
  types,
  onTask,
}: {
  entity: TreeEntity;
  type: TypeInfo | undefined;
  types: readonly TypeInfo[];
  onTask: (task: TreeTask) => void;
}) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const childTypes = types.filter((t) => type?.children.includes(t.name));

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    menu.current?.querySelector("button")?.focus();
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const run = (task: TreeTask) => {
    setOpen(false);
    onTask(task);
  };
  const duplicate = () => {
    setOpen(false);
    startTransition(async () => {
      const result = await duplicateEntityAction({ id: entity.id });
      if (result.ok) router.push(`/editor/${result.value.id}`);
      else alert(result.failure.message);
    });
  };

  const item = "block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Actions for ${entity.name}`}
        disabled={pending}
        onClick={() => setOpen((value) => !value)}
        className="rounded px-1.5 py-0.5 text-slate-500 opacity-60 hover:bg-slate-200 hover:text-slate-900 focus:opacity-100 group-hover:opacity-100"
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          className="absolute right-0 z-20 mt-1 w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          {childTypes.length > 0 && (
            <button type="button" className={item} onClick={() => run({ kind: "create", parentId: entity.id, types: childTypes })}>
              New inside…
            </button>
          )}
          {childTypes.some((t) => t.fromFiles.length > 0) && (
            <button type="button" className={item} onClick={() => run({ kind: "fromFile", parentId: entity.id, types: childTypes })}>
              New from file…
            </button>
          )}
          <button type="button" className={item} onClick={() => run({ kind: "rename", entity })}>
            Rename…
          </button>
          <button type="button" className={item} onClick={() => run({ kind: "move", entity })}>
            Move…
          </button>
          <button type="button" className={item} onClick={duplicate}>
            Duplicate
          </button>
          <button type="button" className={item} onClick={() => run({ kind: "share", entity })}>
            Share…
          </button>
          <button type="button" className={`${item} text-red-700`} onClick={() => run({ kind: "delete", entity })}>
            Delete…
          </button>
        </div>
      )}
    </div>
  );
}
