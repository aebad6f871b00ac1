import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { raw, rowOf, sql } from "@/lib/db/sql";
import { readableSql } from "@/lib/entities/access";
import type { Actor } from "@/lib/entities/types";
import { REFERENCES } from "./sql";
import { FILES_WORKSPACE } from "./upload-file";

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

/**
 * Whether one of the entities whose revisions reference the file is one the actor may read, decided
 * in one statement by the entities' access predicate (lib/entities/access.ts), as every other read
 * of an entity is. The reference test is lib/files/sql.ts's: a file field's `{ fileId }` value, never a text that mentions the id.
 */
async function readsAReferencingEntity(actor: Actor, fileId: string): Promise<boolean> {
  const row = await rowOf<{ reads: boolean }>(
    pool,
    sql`SELECT EXISTS (
          SELECT 1 FROM "entity" e
           WHERE e."id" IN (SELECT r."entityId" FROM "entity_revision" r, (SELECT ${fileId}::text AS id) f WHERE ${raw(REFERENCES)})
             AND ${readableSql(actor, "e")}) AS "reads"`,
  );
  return row?.reads ?? false;
}
