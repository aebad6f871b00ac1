"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import {
  createEntityAction,
  createEntityFromFileAction,
  deleteEntityAction,
  moveEntityAction,
  renameEntityAction,
  shareEntityAction,
} from "@/app/(app)/editor/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { EntityResult, TreeNode } from "@/lib/entities/types";
import { fetchApiValue } from "@/lib/http/fetch-api";
import { useSettledValue } from "@/components/views/use-settled-value";
import { FromFileDialog } from "./from-file-dialog";
import { TREE_QUERY_KEY, type TypeInfo } from "./tree-model";

/** The tree's pages (entity-tree.tsx): read again after anything changes the tree. */

/** What the tree's "New…" button or an entity's Actions menu asked for. */
export type TreeTask =
  | { kind: "create"; parent: TreeNode | null; types: readonly TypeInfo[] }
  | { kind: "fromFile"; parent: TreeNode; types: readonly TypeInfo[] }
  | { kind: "rename" | "move" | "delete" | "share"; entity: TreeNode };

export interface TaskDialogProps {
  readonly task: TreeTask;
  readonly types: readonly TypeInfo[];
  /** The entity open in the editor, if any, and its ancestors: deleting one of them leaves the page. */
  readonly currentId: string | undefined;
  readonly openPath: readonly string[];
  readonly onClose: () => void;
  /** A line for the tree to show once the dialog has closed ("Deleted 3 entities."). */
  readonly onNotice: (notice: string) => void;
  /** Opens a node of the tree (a move's target, so the moved entity is seen where it went). */
  readonly onExpand: (id: string) => void;
}

/** The dialog of one tree task. */
export function TaskDialog({ task, currentId, openPath, onClose, onNotice, onExpand }: TaskDialogProps) {
  switch (task.kind) {
    case "fromFile":
      return (
        <FromFileDialog
          parentId={task.parent.id}
          parentName={task.parent.name}
          types={task.types}
          action={createEntityFromFileAction}
          onClose={onClose}
        />
      );
    case "create":
      return <CreateEntityDialog parent={task.parent} types={task.types} onClose={onClose} />;
    case "rename":
      return <RenameEntityDialog entity={task.entity} onClose={onClose} />;
    case "move":
      return <MoveEntityDialog entity={task.entity} onClose={onClose} onMoved={(parentId) => parentId && onExpand(parentId)} />;
    case "share":
      return <ShareEntityDialog entity={task.entity} onClose={onClose} onNotice={onNotice} />;
    case "delete":
      return (
        <DeleteEntityDialog
          entity={task.entity}
          leavesPage={task.entity.id === currentId || openPath.includes(task.entity.id)}
          onClose={onClose}
          onNotice={onNotice}
        />
      );
  }
}

const INPUT =
  "mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/**
 * A dialog's form submission: runs the action, shows its refusal in the dialog, or closes the
 * dialog and hands the value on.
 */
function useEntityAction(onClose: () => void) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const submit =
    <T,>(action: () => Promise<EntityResult<T>>, then: (value: T) => void) =>
    (event: FormEvent) => {
      event.preventDefault();
      setError(null);
      startTransition(async () => {
        const result = await action();
        if (!result.ok) {
          setError(result.failure.message);
          return;
        }
        await queryClient.invalidateQueries({ queryKey: [TREE_QUERY_KEY] });
        onClose();
        then(result.value);
      });
    };
  return { pending, error, submit };
}

function ActionError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="mt-3 text-sm text-red-700">
      {error}
    </p>
  );
}

function DialogFooter({
  label,
  pending,
  disabled = false,
  danger = false,
  onCancel,
}: {
  label: string;
  pending: boolean;
  /** Not yet (nothing chosen, still counting), without saying "Working…". */
  disabled?: boolean;
  danger?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="mt-5 flex justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending || disabled}>
        {pending ? "Working…" : label}
      </Button>
    </div>
  );
}

function CreateEntityDialog({ parent, types, onClose }: { parent: TreeNode | null; types: readonly TypeInfo[]; onClose: () => void }) {
  const parentId = parent?.id ?? null;
  const router = useRouter();
  const { pending, error, submit } = useEntityAction(onClose);
  return (
    <Dialog
      title={parent ? `New entity in ${parent.name}` : `New ${types.length === 1 ? types[0]!.label.toLowerCase() : "entity"}`}
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          const data = new FormData(event.currentTarget);
          submit(
            () => createEntityAction({ type: String(data.get("type")), name: String(data.get("name")), parentId }),
            ({ id }) => router.push(`/editor/${id}`),
          )(event);
        }}
      >
        <div className="space-y-3">
          {types.length > 1 ? (
            <div>
              <label htmlFor="new-entity-type" className="text-sm font-medium text-slate-700">
                Type
              </label>
              <select
                id="new-entity-type"
                name="type"
                className={INPUT}
                defaultValue={types.find((t) => t.name !== "project")?.name ?? types[0]!.name}
              >
                {types.map((type) => (
                  <option key={type.name} value={type.name}>
                    {type.label}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="type" value={types[0]!.name} />
          )}
          <div>
            <label htmlFor="new-entity-name" className="text-sm font-medium text-slate-700">
              Name
            </label>
            <input id="new-entity-name" name="name" required maxLength={120} autoFocus className={INPUT} autoComplete="off" />
          </div>
        </div>
        <ActionError error={error} />
        <DialogFooter label="Create" pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function RenameEntityDialog({ entity, onClose }: { entity: TreeNode; onClose: () => void }) {
  const { pending, error, submit } = useEntityAction(onClose);
  return (
    <Dialog title={`Rename ${entity.name}`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          const name = String(new FormData(event.currentTarget).get("name"));
          submit(
            () => renameEntityAction({ id: entity.id, name }),
            () => undefined,
          )(event);
        }}
      >
        <label htmlFor="rename-entity-name" className="text-sm font-medium text-slate-700">
          Name
        </label>
        <input
          id="rename-entity-name"
          name="name"
          required
          maxLength={120}
          defaultValue={entity.name}
          autoFocus
          className={INPUT}
          autoComplete="off"
        />
        <ActionError error={error} />
        <DialogFooter label="Rename" pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Where to: the places the server offers (lib/entities/list-move-targets.ts), narrowed by a name as one types. */
function MoveEntityDialog({
  entity,
  onClose,
  onMoved,
}: {
  entity: TreeNode;
  onClose: () => void;
  onMoved: (parentId: string | null) => void;
}) {
  const { pending, error, submit } = useEntityAction(onClose);
  const [text, setText] = useState("");
  const settled = useSettledValue(text.trim(), 150);
  const query = useQuery({
    queryKey: ["move-targets", entity.id, settled],
    queryFn: ({ signal }) =>
      fetchApiValue("move-targets", `/api/entities/${encodeURIComponent(entity.id)}/move-targets?${new URLSearchParams({ q: settled })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const targets = query.data?.targets ?? [];
  return (
    <Dialog title={`Move ${entity.name}`} onClose={onClose}>
      {query.isPending ? (
        <p className="text-sm text-slate-600">Finding where it can go…</p>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {query.error.message}
        </p>
      ) : targets.length === 0 && settled === "" ? (
        <>
          <p className="text-sm text-slate-600">There is nowhere else this entity can go.</p>
          <div className="mt-5 flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            const target = String(new FormData(event.currentTarget).get("parent"));
            submit(
              () => moveEntityAction({ id: entity.id, parentId: target === "" ? null : target }),
              ({ parentId }) => onMoved(parentId),
            )(event);
          }}
        >
          <label htmlFor="move-entity-find" className="text-sm font-medium text-slate-700">
            Find a place by name
          </label>
          <input
            id="move-entity-find"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            className={INPUT}
            autoComplete="off"
            autoFocus
          />
          <label htmlFor="move-entity-parent" className="mt-3 block text-sm font-medium text-slate-700">
            Move to
          </label>
          <select id="move-entity-parent" name="parent" className={INPUT} required>
            {targets.map((target) => (
              <option key={target.id ?? ""} value={target.id ?? ""}>
                {target.label}
              </option>
            ))}
          </select>
          {targets.length === 0 && <p className="mt-1 text-xs text-slate-500">No place of that name.</p>}
          <ActionError error={error} />
          <DialogFooter label="Move" pending={pending} disabled={targets.length === 0} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}

function ShareEntityDialog({ entity, onClose, onNotice }: { entity: TreeNode; onClose: () => void; onNotice: (notice: string) => void }) {
  const { pending, error, submit } = useEntityAction(onClose);
  return (
    <Dialog title={`Share ${entity.name}`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          const email = String(new FormData(event.currentTarget).get("email"));
          submit(
            () => shareEntityAction({ id: entity.id, email }),
            ({ user }) => onNotice(`${entity.name} is shared with ${user.name}.`),
          )(event);
        }}
      >
        <p className="mb-3 text-sm text-slate-600">The engineer you share with can open and edit it, and everything inside it.</p>
        <label htmlFor="share-entity-email" className="text-sm font-medium text-slate-700">
          Engineer&apos;s email
        </label>
        <input id="share-entity-email" name="email" type="email" required autoFocus className={INPUT} autoComplete="off" />
        <ActionError error={error} />
        <DialogFooter label="Share" pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Says how many entities go with it (counted by the server); leaves the page when the open entity is among them. */
function DeleteEntityDialog({
  entity,
  leavesPage,
  onClose,
  onNotice,
}: {
  entity: TreeNode;
  leavesPage: boolean;
  onClose: () => void;
  onNotice: (notice: string) => void;
}) {
  const router = useRouter();
  const { pending, error, submit } = useEntityAction(onClose);
  const count = useQuery({
    queryKey: ["entity-subtree", entity.id],
    queryFn: ({ signal }) => fetchApiValue("entity-subtree", `/api/entities/${encodeURIComponent(entity.id)}/subtree`, { signal }),
    staleTime: 0,
  });
  const inside = count.data?.inside;
  return (
    <Dialog title={`Delete ${entity.name}?`} onClose={onClose}>
      <form
        onSubmit={submit(
          () => deleteEntityAction({ id: entity.id }),
          ({ deleted }) => {
            onNotice(`Deleted ${deleted} ${deleted === 1 ? "entity" : "entities"}.`);
            if (leavesPage) router.push("/editor");
          },
        )}
      >
        <p className="text-sm text-slate-700">
          {inside === undefined
            ? count.isError
              ? count.error.message
              : "Counting what it holds…"
            : inside > 0
              ? `“${entity.name}” and the ${inside.toLocaleString("en")} ${inside === 1 ? "entity" : "entities"} inside it will be deleted, with their history.`
              : `“${entity.name}” will be deleted, with its history.`}{" "}
          This cannot be undone.
        </p>
        <ActionError error={error} />
        <DialogFooter
          label={inside ? `Delete ${(inside + 1).toLocaleString("en")} entities` : "Delete"}
          pending={pending}
          disabled={inside === undefined}
          danger
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
