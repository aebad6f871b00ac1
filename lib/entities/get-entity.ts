import { installed } from "@/lib/installation/install";
import { db } from "@/lib/db/client";
import { withDefaults, type ParamsDraft } from "@/lib/params";
import { canEdit, canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import type { Actor, EntityDetail } from "./types";

/**
 * The entity as its page shows it, or null when there is no such entity or the actor may not see
 * it (answered alike, so existence does not leak). Params are read as from storage: defaults fill
 * fields added since the save, and values of removed fields are left out.
 */
export async function findEntityForUser(actor: Actor, id: string): Promise<EntityDetail | null> {
  const access = await loadEntityAccess(id);
  if (!access || !canRead(actor, access)) return null;
  const row = await db.entity.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      name: true,
      parentId: true,
      params: true,
      summary: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
    },
  });
  if (!row) return null;
  const type = installed().entityType(row.type);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    parentId: row.parentId,
    params: type ? withDefaults(type.params, row.params) : asDraft(row.params),
    summary: asDraft(row.summary),
    version: row.version,
    owner: row.owner,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: canEdit(actor, access),
  };
}

/** What running a view or a button needs to know of an entity: no params, no owner. */
export interface EntityToRun {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly canEdit: boolean;
}

/**
 * The entity a view or button call runs on, or null as findEntityForUser answers it (no such
 * entity, or one the actor may not see). One statement, the access query, which carries the name:
 * the hot path of the editor's views, called on every settled edit.
 */
export async function findEntityToRun(actor: Actor, id: string): Promise<EntityToRun | null> {
  const access = await loadEntityAccess(id);
  if (!access || !canRead(actor, access)) return null;
  return { id: access.id, type: access.type, name: access.name, canEdit: canEdit(actor, access) };
}

function asDraft(value: unknown): ParamsDraft {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as ParamsDraft) : {};
}
