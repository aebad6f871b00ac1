"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { duplicateEntityAction } from "@/app/(app)/editor/actions";
import type { OpenTree, TreeNode, TreePage } from "@/lib/entities/types";
import { fetchApiValue } from "@/lib/http/fetch-api";
import { Button } from "@/components/ui/button";
import { TaskDialog, type TreeTask } from "./tree-task-dialog";
import { TreeSearch } from "./tree-search";
import { mergePages, TREE_QUERY_KEY, treeKey, unloaded, type RowInfo, type TypeInfo } from "./tree-model";

export interface EntityTreeProps {
  /** The roots and the open path, as the page read them (lib/entities/list-tree.ts, openTree). */
  readonly open: OpenTree;
  readonly types: readonly TypeInfo[];
  /** The entity open in the editor, if any. */
  readonly currentId?: string;
  /** Whether the user may create projects at the top of the tree (engineers and admins). */
  readonly canCreate: boolean;
}

/** The react-query keys of the tree's pages: one infinite query per expanded node ("" for the roots). */
/** A page opened around an entity is a query of its own: another entity's page opens its own window. */
const treeQueryKey = (parentId: string | null, around: string | undefined) => [TREE_QUERY_KEY, parentId ?? "", around ?? ""] as const;

/**
 * The nodes open in the tree, kept across the editor's client navigations: each editor page mounts
 * its tree afresh, and a node the user opened (or that was on the path of a page they came from)
 * stays open on the next, as in a file browser.
 */
const remembered = new Set<string>();
/** Only the browser remembers: on the server this module is shared by every user's render. */
const inBrowser = typeof window !== "undefined";

/** What a page of children is read by: a cursor either side, or the entity an editor page opened it around. */
type PageParam = { readonly after?: string; readonly before?: string; readonly around?: string } | null;

interface TreeContext {
  readonly types: readonly TypeInfo[];
  readonly currentId: string | undefined;
  readonly expanded: ReadonlySet<string>;
  readonly toggle: (id: string, open?: boolean) => void;
  readonly onTask: (task: TreeTask) => void;
  /** Pages the editor page read, by node ("" for the roots), and the entity each was read around. */
  readonly initial: ReadonlyMap<string, { page: TreePage; around: string | undefined }>;
  readonly focusKey: string | null;
  readonly setFocusKey: (key: string) => void;
  /** Asks the row `id` to take focus when it is rendered: the first of a page "Show more" loaded. */
  readonly focusWhenShown: (id: string) => void;
  /** Whether the row `id` was asked to take focus (and now is no longer). */
  readonly takeFocusRequest: (id: string) => boolean;
}

const Context = createContext<TreeContext | null>(null);
const useTree = () => useContext(Context)!;

/**
 * The tree of the entities the user may see, read a page at a time: the roots, then a node's
 * children when it is expanded, 50 at a time ("Show more"), each node with its count of children;
 * an editor page opens it expanded down to its entity. A tree in WAI-ARIA's sense: one row in the
 * tab order, arrows move between rows (Right opens, Left closes or goes up), Home and End, Enter
 * opens the entity or loads the next page. Each row's "Actions" menu (Tab from the row) creates
 * children, renames, moves, duplicates, shares and deletes; dialogs are modal and close with Escape.
 */
export function EntityTree({ open, types, currentId, canCreate }: EntityTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    if (!inBrowser) return new Set(Object.keys(open.children));
    for (const id of Object.keys(open.children)) remembered.add(id);
    return new Set(remembered);
  });
  const [task, setTask] = useState<TreeTask | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(currentId ?? null);
  const pendingFocus = useRef<string | null>(null);
  const focusWhenShown = (id: string) => {
    pendingFocus.current = id;
  };
  const takeFocusRequest = (id: string) => {
    if (pendingFocus.current !== id) return false;
    pendingFocus.current = null;
    return true;
  };
  const rootTypes = types.filter((type) => type.atRoot);
  const steps = [...open.path.map((step) => step.id), ...(currentId ? [currentId] : [])];
  const initial = new Map<string, { page: TreePage; around: string | undefined }>([["", { page: open.roots, around: steps[0] }]]);
  for (const [id, page] of Object.entries(open.children)) {
    const next = steps[steps.indexOf(id) + 1];
    initial.set(id, { page, around: id === currentId ? undefined : next });
  }

  const toggle = (id: string, to?: boolean) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (to ?? !next.has(id)) next.add(id);
      else next.delete(id);
      if (inBrowser) {
        remembered.clear();
        for (const open of next) remembered.add(open);
      }
      return next;
    });

  return (
    <nav aria-label="Entities" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-700">Entities</h2>
        {canCreate && rootTypes.length > 0 && (
          <Button onClick={() => setTask({ kind: "create", parent: null, types: rootTypes })}>
            New {rootTypes.length === 1 ? rootTypes[0]!.label.toLowerCase() : "entity"}
          </Button>
        )}
      </div>
      <TreeSearch types={types} />
      {notice && (
        <p role="status" className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700">
          {notice}
        </p>
      )}
      <Context.Provider
        value={{ types, currentId, expanded, toggle, onTask: setTask, initial, focusKey, setFocusKey, focusWhenShown, takeFocusRequest }}
      >
        {open.roots.total === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
            <p className="font-medium text-slate-700">No entities yet</p>
            <p className="mt-1">
              {canCreate ? "Create a project to hold your beams and other entities." : "Nothing has been shared with you yet."}
            </p>
          </div>
        ) : (
          <TreeRoot />
        )}
      </Context.Provider>
      {task && (
        <TaskDialog
          task={task}
          types={types}
          currentId={currentId}
          openPath={open.path.map((step) => step.id)}
          onClose={() => setTask(null)}
          onNotice={setNotice}
          onExpand={(id) => toggle(id, true)}
        />
      )}
    </nav>
  );
}

/** The roots, and the keyboard of the whole tree. */
function TreeRoot() {
  const tree = useTree();
  const router = useRouter();
  const ref = useRef<HTMLUListElement>(null);
  const rows = () => [...(ref.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
  // One row is always in the tab order: when the one that was is gone (collapsed away, deleted), the first.
  useEffect(() => {
    const all = rows();
    if (all.length > 0 && !all.some((row) => row.tabIndex === 0)) tree.setFocusKey(all[0]!.dataset.id ?? all[0]!.dataset.key!);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute("role") !== "treeitem") return;
    const all = rows();
    const index = all.indexOf(target);
    const info: RowInfo[] = all.map((row) => ({
      level: Number(row.getAttribute("aria-level")),
      expanded: row.hasAttribute("aria-expanded") ? row.getAttribute("aria-expanded") === "true" : null,
    }));
    const move = treeKey(info, index, event.key);
    if (!move) return;
    event.preventDefault();
    if ("focus" in move) all[move.focus]?.focus();
    else if ("toggle" in move) tree.toggle(target.dataset.id!, move.toggle === "open");
    else if (target.dataset.href) router.push(target.dataset.href);
    else target.click();
  };

  return (
    <ul ref={ref} role="tree" aria-label="Entities" className="space-y-0.5 text-sm" onKeyDown={onKeyDown}>
      <Children parentId={null} parentName="the top level" level={1} />
    </ul>
  );
}

/** A node's children (or the roots), as far as they are loaded, with rows to load the pages either side. */
function Children({ parentId, parentName, level }: { parentId: string | null; parentName: string; level: number }) {
  const tree = useTree();
  const initial = tree.initial.get(parentId ?? "");
  const initialParam: PageParam = initial?.around ? { around: initial.around } : null;
  const query = useInfiniteQuery({
    queryKey: treeQueryKey(parentId, initial?.around),
    queryFn: ({ pageParam, signal }) => fetchApiValue("entity-tree", pageUrl(parentId, pageParam), { signal }),
    initialPageParam: initialParam,
    getNextPageParam: (last): PageParam | undefined => (last.after ? { after: last.after } : undefined),
    getPreviousPageParam: (first): PageParam | undefined => (first.before ? { before: first.before } : undefined),
    initialData: initial ? ({ pages: [initial.page], pageParams: [initialParam] } satisfies InfiniteData<TreePage, PageParam>) : undefined,
    staleTime: 30_000,
  });
  // The page's rows may render after the fetch resolves: the row focuses itself when it mounts (TreeItem's ref).
  const focusAfterLoad = (id: string | undefined) => {
    if (!id) return;
    const shown = document.querySelector<HTMLElement>(`[role="treeitem"][data-id="${CSS.escape(id)}"]`);
    if (shown) shown.focus();
    else tree.focusWhenShown(id);
  };

  if (query.isPending) {
    return (
      <li role="none" className="py-1 text-xs text-slate-500" style={{ paddingLeft: `${(level - 1) * 14 + 20}px` }}>
        Loading…
      </li>
    );
  }
  if (query.isError) {
    return (
      <li role="none" className="py-1 text-xs text-red-700" style={{ paddingLeft: `${(level - 1) * 14 + 20}px` }}>
        {query.error.message}
      </li>
    );
  }
  const children = mergePages(query.data.pages);
  const left = unloaded(children);
  const focusable = (key: string, index: number) => tree.focusKey === key || (tree.focusKey === null && level === 1 && index === 0);
  return (
    <>
      {left.before > 0 && (
        <MoreRow
          level={level}
          label={`Show ${Math.min(left.before, 50)} before, of ${left.before} earlier in ${parentName}`}
          text={`Show ${left.before.toLocaleString("en")} earlier…`}
          focusable={focusable(`before:${parentId}`, -1)}
          keyName={`before:${parentId}`}
          busy={query.isFetchingPreviousPage}
          onLoad={async () => focusAfterLoad((await query.fetchPreviousPage()).data?.pages[0]?.items.at(-1)?.id)}
        />
      )}
      {children.items.map((node, index) => (
        <TreeItem
          key={node.id}
          node={node}
          level={level}
          position={children.offset + index + 1}
          total={children.total}
          focusable={focusable(node.id, index)}
        />
      ))}
      {left.after > 0 && (
        <MoreRow
          level={level}
          label={`Show ${Math.min(left.after, 50)} more, of ${left.after} more in ${parentName}`}
          text={`Show ${Math.min(left.after, 50)} more (${left.after.toLocaleString("en")} not shown)…`}
          focusable={focusable(`after:${parentId}`, -1)}
          keyName={`after:${parentId}`}
          busy={query.isFetchingNextPage}
          onLoad={async () => focusAfterLoad((await query.fetchNextPage()).data?.pages.at(-1)?.items[0]?.id)}
        />
      )}
    </>
  );
}

function pageUrl(parentId: string | null, param: PageParam): string {
  const search = new URLSearchParams();
  if (parentId) search.set("parent", parentId);
  if (param?.after) search.set("after", param.after);
  if (param?.before) search.set("before", param.before);
  if (param?.around) search.set("around", param.around);
  return `/api/entities/tree?${search}`;
}

/** A row that loads the next (or the earlier) page of a node's children: a tree item, so the keyboard reaches it. */
function MoreRow({
  level,
  label,
  text,
  focusable,
  keyName,
  busy,
  onLoad,
}: {
  level: number;
  label: string;
  text: string;
  focusable: boolean;
  keyName: string;
  busy: boolean;
  onLoad: () => void;
}) {
  const tree = useTree();
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-label={label}
      aria-selected={false}
      aria-busy={busy || undefined}
      tabIndex={focusable ? 0 : -1}
      data-key={keyName}
      onFocus={(event) => event.target === event.currentTarget && tree.setFocusKey(keyName)}
      onClick={() => !busy && onLoad()}
      className="cursor-pointer rounded-md py-1 text-xs text-brand-700 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-300"
      style={{ paddingLeft: `${(level - 1) * 14 + 20}px` }}
    >
      {busy ? "Loading…" : text}
    </li>
  );
}

function TreeItem({
  node,
  level,
  position,
  total,
  focusable,
}: {
  node: TreeNode;
  level: number;
  position: number;
  total: number;
  focusable: boolean;
}) {
  const tree = useTree();
  const open = tree.expanded.has(node.id);
  const type = tree.types.find((t) => t.name === node.type);
  const current = node.id === tree.currentId;
  const labelId = `tree-${node.id}`;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-setsize={total}
      aria-posinset={position}
      aria-expanded={node.children > 0 ? open : undefined}
      aria-selected={current}
      aria-labelledby={labelId}
      tabIndex={focusable ? 0 : -1}
      data-id={node.id}
      data-href={`/editor/${node.id}`}
      ref={(element) => {
        if (element && tree.takeFocusRequest(node.id)) element.focus();
      }}
      onFocus={(event) => event.target === event.currentTarget && tree.setFocusKey(node.id)}
      className="rounded-md outline-none focus-visible:[&>div]:ring-2 focus-visible:[&>div]:ring-brand-300"
    >
      <div
        className={`group flex items-center gap-1 rounded-md pr-1 ${current ? "bg-brand-50" : "hover:bg-slate-100"}`}
        style={{ paddingLeft: `${(level - 1) * 14}px` }}
      >
        {node.children > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            onClick={() => tree.toggle(node.id)}
            aria-label={`${open ? "Collapse" : "Expand"} ${node.name}`}
            className="grid h-6 w-5 shrink-0 place-items-center rounded text-xs text-slate-500 hover:bg-slate-200"
          >
            {open ? "▾" : "▸"}
          </button>
        ) : (
          <span className="w-5 shrink-0" aria-hidden />
        )}
        <TypeBadge type={node.type} />
        <Link
          id={labelId}
          href={`/editor/${node.id}`}
          tabIndex={-1}
          aria-current={current ? "page" : undefined}
          className={`min-w-0 flex-1 truncate py-1 ${current ? "font-semibold text-brand-700" : "text-slate-800"}`}
          title={type ? `${type.label}: ${node.name}` : node.name}
        >
          {node.name}
        </Link>
        {node.children > 0 && (
          <span className="shrink-0 text-[10px] tabular-nums text-slate-400" title={`${node.children} inside`}>
            {node.children.toLocaleString("en")}
          </span>
        )}
        {node.canEdit && <ActionsMenu node={node} type={type} tabbable={focusable} />}
      </div>
      {node.children > 0 && open && (
        <ul role="group">
          <Children parentId={node.id} parentName={node.name} level={level + 1} />
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
function ActionsMenu({ node, type, tabbable }: { node: TreeNode; type: TypeInfo | undefined; tabbable: boolean }) {
  const tree = useTree();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const queryClient = useQueryClient();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const childTypes = tree.types.filter((t) => type?.children.includes(t.name));

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
    tree.onTask(task);
  };
  const duplicate = () => {
    setOpen(false);
    startTransition(async () => {
      const result = await duplicateEntityAction({ id: node.id });
      if (!result.ok) return alert(result.failure.message);
      await queryClient.invalidateQueries({ queryKey: [TREE_QUERY_KEY] });
      router.push(`/editor/${result.value.id}`);
    });
  };

  const item = "block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        tabIndex={tabbable ? 0 : -1}
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Actions for ${node.name}`}
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
            <button type="button" className={item} onClick={() => run({ kind: "create", parent: node, types: childTypes })}>
              New inside…
            </button>
          )}
          {childTypes.some((t) => t.fromFiles.length > 0) && (
            <button type="button" className={item} onClick={() => run({ kind: "fromFile", parent: node, types: childTypes })}>
              New from file…
            </button>
          )}
          <button type="button" className={item} onClick={() => run({ kind: "rename", entity: node })}>
            Rename…
          </button>
          <button type="button" className={item} onClick={() => run({ kind: "move", entity: node })}>
            Move…
          </button>
          <button type="button" className={item} onClick={duplicate}>
            Duplicate
          </button>
          <button type="button" className={item} onClick={() => run({ kind: "share", entity: node })}>
            Share…
          </button>
          <button type="button" className={`${item} text-red-700`} onClick={() => run({ kind: "delete", entity: node })}>
            Delete…
          </button>
        </div>
      )}
    </div>
  );
}
