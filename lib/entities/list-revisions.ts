import { installed } from "@/lib/installation/install";
import { db } from "@/lib/db/client";
import { withDefaults, type ParamsDraft } from "@/lib/params";
import { canRead } from "./access";
import { loadEntityAccess } from "./load-access";
import type { Actor, Revision } from "./types";

/** How many revisions the history shows at most, newest first. */
export const REVISIONS_SHOWN = 200;

/**
 * An entity's saved versions, newest first, each with its params (read as from storage, for the
 * diff), who saved it and when; null when the actor may not see the entity.
 */
export async function listRevisions(actor: Actor, id: string): Promise<Revision[] | null> {
  const access = await loadEntityAccess(id);
  if (!access || !canRead(actor, access)) return null;
  const type = installed().entityType(access.type);
  const rows = await db.entityRevision.findMany({
    where: { entityId: id },
    orderBy: { version: "desc" },
    take: REVISIONS_SHOWN,
    select: { version: true, params: true, savedAt: true, restoredFrom: true, savedBy: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    version: row.version,
    params: type ? withDefaults(type.params, row.params) : (row.params as ParamsDraft),
    savedBy: row.savedBy,
    savedAt: row.savedAt.toISOString(),
    restoredFrom: row.restoredFrom,
  }));
}
