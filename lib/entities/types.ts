/**
 * The entity repository's words and the shapes its operations answer with.
 *
 * Glossary (lib/entities uses these words, and only these):
 *
 * - **entity type**: what an author declares (`entityType(…)`, a folder of definitions/) and lists in definitions/entity-types.ts.
 * - **entity**: one stored object of an entity type: a row with a name, params and a summary.
 * - **tree**: entities hold child entities; a type says which child types it allows. An entity
 *   without a parent is a **root**. A user's tree starts at the entities they see whose parent they
 *   do not: the **tops** of their tree, shown as its roots.
 * - **path**: an entity's ancestors, root first (stored as `"ancestorIds"`).
 * - **subtree**: an entity and every entity below it.
 * - **actor**: the signed-in user an operation acts for: `{ id, roles }`. Every operation takes it first.
 * - **member**: the owner of an entity or of one of its ancestors, or a user one of them is shared
 *   with. Members who are engineers edit the entity; reviewers read every entity; admins do anything.
 * - **version**: a counter on the entity, raised by every save. A save names the version it started
 *   from (**expected version**) and is refused with a **conflict** when another save came first.
 * - **revision**: the params of one saved version, with who saved them and when; version 1 is the
 *   entity as created. Restoring an old revision saves its params as a new revision.
 * - **summary**: values of the type's data views, computed on save and shown in lists.
 */
import type { Role } from "@/lib/auth/roles";
import type { ParamsDraft } from "@/lib/params";
import { refuse, type Failure, type FailureCode, type Result } from "@/lib/result";
import type { FileProblem } from "./file-import";

/** The user an operation acts for. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
}

/** A user as the history and conflict messages name them. */
export interface UserRef {
  readonly id: string;
  readonly name: string;
}

/**
 * Why an operation was refused: a failure of the one result vocabulary (lib/result.ts), two of
 * them with more to say. Expected failures are values, not throws.
 */
export type EntityFailure = Failure<Exclude<FailureCode, "conflict" | "invalid_file">> | ConflictFailure | FileFailure;

/** Another save came first; what it saved, so that the form can show the difference. */
export interface ConflictFailure extends Failure<"conflict"> {
  readonly version: number;
  readonly savedBy: UserRef;
  readonly savedAt: string;
  readonly params: ParamsDraft;
}

/** An uploaded file the type could not read: each problem names a line and column, or a field. */
export interface FileFailure extends Failure<"invalid_file"> {
  /** The first problems (at most 100, lib/entities/create-entity-from-file.ts). */
  readonly problems: readonly FileProblem[];
  /** How many problems the file has in all. */
  readonly problemCount: number;
}

export type EntityResult<T> = Result<T, EntityFailure>;

/** No such entity, or one the actor may not see: the two are answered alike so existence does not leak. */
export const NOT_FOUND = refuse("not_found", "There is no such entity, or you may not see it.");
/** The actor may read the entity but not change it (a reviewer). */
export const READ_ONLY = refuse("forbidden", "You may read this entity but not change it.");

/** One entity as the tree shows it: a node, with how many children it holds. */
export interface TreeNode {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly canEdit: boolean;
  /** How many children it holds (all visible to whoever sees it: membership is inherited). */
  readonly children: number;
}

/**
 * A page of a node's children (or of the roots: `parentId` null), in name order. Pages are read by
 * a cursor (name, id): `before` and `after` are the cursors of the pages either side, null at
 * either end. `offset` is how many come before the page's first item, `total` how many there are.
 */
export interface TreePage {
  readonly parentId: string | null;
  readonly items: readonly TreeNode[];
  readonly offset: number;
  readonly total: number;
  readonly before: string | null;
  readonly after: string | null;
}

/** An entity on the way from the top of the user's tree to another, as a breadcrumb shows it. */
export interface PathStep {
  readonly id: string;
  readonly name: string;
}

/**
 * The tree as an editor page opens it: the roots, and each node on the open path with the page of
 * its children that holds the next step (or its first page), so a deep link opens expanded.
 */
export interface OpenTree {
  readonly roots: TreePage;
  /** The pages of the expanded nodes, by node id. */
  readonly children: Readonly<Record<string, TreePage>>;
  /** From the top of the user's tree down to the open entity's parent; empty at /editor. */
  readonly path: readonly PathStep[];
}

/** A search hit: the entity and the way to it (its visible ancestors, root first). */
export interface SearchHit {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly path: readonly PathStep[];
}

/** One child of an entity as its Contents table shows it. */
export interface ChildRow {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly owner: UserRef;
  readonly version: number;
  readonly updatedAt: string;
  readonly children: number;
}

/** One entity as its page shows it. */
export interface EntityDetail {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly parentId: string | null;
  /** The stored params with defaults filled in and removed fields left out (read with `source: "storage"`). */
  readonly params: ParamsDraft;
  readonly summary: Readonly<Record<string, unknown>>;
  readonly version: number;
  readonly owner: UserRef;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly canEdit: boolean;
}

/** One saved version of an entity, as the history lists it (its params are read one version at a time). */
export interface RevisionSummary {
  readonly version: number;
  readonly savedBy: UserRef;
  readonly savedAt: string;
  /** The version this one restored, if it was made by restoring. */
  readonly restoredFrom: number | null;
}

/** One saved version of an entity's params. */
export interface Revision extends RevisionSummary {
  readonly params: ParamsDraft;
}

/** What the browser needs to know of an entity type: serialisable, no params, no controller. */
export interface EntityTypeInfo {
  readonly name: string;
  readonly label: string;
  /** The child types it holds, by name. */
  readonly children: readonly string[];
  /** Whether it may sit at the top of the tree. */
  readonly atRoot: boolean;
  /** The files an entity of this type may be created from, by index: the label and the extensions. */
  readonly fromFiles: readonly { readonly label: string; readonly accept: readonly string[] }[];
}
