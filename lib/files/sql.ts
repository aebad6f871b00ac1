import { pool } from "@/lib/db/pool";

// The statements that find file references in params. A reference is the file's id (a random
// UUID, so it never appears by chance) anywhere in a revision's params JSON; a text search on
// params::text is a sequential scan of entity_revision, acceptable at this scale (thousands of
// revisions). A jsonb containment query would need the field's path, which differs per type.

/** The entities one of whose revisions references the file. */
export async function entitiesReferencingFile(fileId: string): Promise<string[]> {
  const { rows } = await pool.query<{ entityId: string }>(
    `SELECT DISTINCT "entityId" FROM entity_revision WHERE params::text LIKE '%' || $1 || '%'`,
    [fileId],
  );
  return rows.map((row) => row.entityId);
}

/** Files uploaded before `olderThan` that no revision references: safe to delete. */
export async function unreferencedFilesBefore(olderThan: Date, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT f.id FROM stored_file f
      WHERE f."createdAt" < $1
        AND NOT EXISTS (SELECT 1 FROM entity_revision r WHERE r.params::text LIKE '%' || f.id || '%')
      ORDER BY f."createdAt"
      LIMIT $2`,
    [olderThan, limit],
  );
  return rows.map((row) => row.id);
}

/** Deletes the file's row if still no revision references it (checked again in the same statement); true when deleted. */
export async function deleteFileRowIfUnreferenced(fileId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `DELETE FROM stored_file f
      WHERE f.id = $1
        AND NOT EXISTS (SELECT 1 FROM entity_revision r WHERE r.params::text LIKE '%' || f.id || '%')`,
    [fileId],
  );
  return (rowCount ?? 0) > 0;
}
