import { installed } from "@/lib/installation/install";
import { db } from "@/lib/db/client";
import { withDefaults, type ParamsDraft } from "@/lib/params";
import { canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import type { Actor, Revision, RevisionSummary } from "./types";

/** Revisions a page of the history holds. */
export const REVISIONS_PAGE = 50;

/**
 * A page of an entity's saved versions, newest first, each with who saved it and when (not its
 * params: the history reads those one version at a time, getRevision); the versions below
 * `before`, when given. Versions count up from 1 without gaps, so the next page is the one below
 * the last version listed, until version 1. Null when the actor may not see the entity.
 */
export async function listRevisions(
  actor: Actor,
  id: string,
  options: { before?: number | null; size?: number } = {},
): Promise<RevisionSummary[] | null> {
  const access = await loadEntityAccess(actor, id);
  if (!access || !canRead(actor, access)) return null;
  const rows = await db.entityRevision.findMany({
    // entity_revision_entityId_version_key, read backwards from the cursor.
    where: { entityId: id, ...(options.before ? { version: { lt: options.before } } : {}) },
    orderBy: { version: "desc" },
    take: options.size ?? REVISIONS_PAGE,
    select: { version: true, savedAt: true, restoredFrom: true, savedBy: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    version: row.version,
    savedBy: row.savedBy,
    savedAt: row.savedAt.toISOString(),
    restoredFrom: row.restoredFrom,
  }));
}

/** One saved version with its params (read as from storage, for the diff); null when there is none or the actor may not see the entity. */
export async function getRevision(actor: Actor, id: string, version: number): Promise<Revision | null> {
  const access = await loadEntityAccess(actor, id);
  if (!access || !canRead(actor, access)) return null;
  const row = await db.entityRevision.findUnique({
    where: { entityId_version: { entityId: id, version } },
    select: { version: true, params: true, savedAt: true, restoredFrom: true, savedBy: { select: { id: true, name: true } } },
  });
  if (!row) return null;
  const type = installed().entityType(access.type);
  return {
    version: row.version,
    params: type ? withDefaults(type.params, row.params) : (row.params as ParamsDraft),
    savedBy: row.savedBy,
    savedAt: row.savedAt.toISOString(),
    restoredFrom: row.restoredFrom,
  };
}
