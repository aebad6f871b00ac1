import { pool } from "@/lib/db/pool";

// The statements that find file references in params. A file is referenced only by a file field's
// value, `{ fileId, name, … }`: an object anywhere in a revision's params (`$.**`, through sections,
// tables and rows) whose `fileId` is the file's id and whose `name` is a string, the shape
// check-file-refs.ts reads and checks at every save. A search of params::text for the id matched
// a text field that merely mentioned it: saving another user's file id in a description made
// GET /api/files/<id> serve their file, and kept it from collection. A jsonpath scan of
// entity_revision is sequential, as the text search was; fine at this scale (thousands of revisions).

/** Whether revision `r` references file `f` (the aliases the statements here and find-file-for-user.ts use). */
export const REFERENCES = `jsonb_path_exists(r.params, '$.** ? (@.fileId == $id && @.name.type() == "string")', jsonb_build_object('id', f.id))`;

/** The entities one of whose revisions references the file. */
export async function entitiesReferencingFile(fileId: string): Promise<string[]> {
  const { rows } = await pool.query<{ entityId: string }>(
    `SELECT DISTINCT r."entityId" FROM entity_revision r, (SELECT $1::text AS id) f WHERE ${REFERENCES}`,
    [fileId],
  );
  return rows.map((row) => row.entityId);
}

/** Files uploaded before `olderThan` that no revision references: safe to delete. */
export async function unreferencedFilesBefore(olderThan: Date, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT f.id FROM stored_file f
      WHERE f."createdAt" < $1
        AND NOT EXISTS (SELECT 1 FROM entity_revision r WHERE ${REFERENCES})
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
        AND NOT EXISTS (SELECT 1 FROM entity_revision r WHERE ${REFERENCES})`,
    [fileId],
  );
  return (rowCount ?? 0) > 0;
}
