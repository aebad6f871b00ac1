import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import { canRead } from "@/lib/entities/access";
import { loadEntityAccess } from "@/lib/entities/load-access";
import type { Actor } from "@/lib/entities/types";
import { FILES_WORKSPACE } from "./upload-file";
import { entitiesReferencingFile } from "./sql";

/**
 * An uploaded file and its content, for a user who may see it: its uploader, or anyone who may
 * read an entity one of whose revisions references it. Anyone else gets null, as for a file that
 * does not exist (existence does not leak).
 */
export async function findFileForUser(actor: Actor, fileId: string) {
  if (!/^[0-9a-f-]{36}$/.test(fileId)) return null;
  const row = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!row) return null;
  if (row.ownerId !== actor.id && !(await readsAReferencingEntity(actor, fileId))) return null;
  const stored = await storage(FILES_WORKSPACE).get(fileId);
  return stored ? { name: row.name, contentType: row.contentType, size: row.size, body: stored.body } : null;
}

async function readsAReferencingEntity(actor: Actor, fileId: string): Promise<boolean> {
  for (const entityId of await entitiesReferencingFile(fileId)) {
    const access = await loadEntityAccess(entityId);
    if (access && canRead(actor, access)) return true;
  }
  return false;
}
