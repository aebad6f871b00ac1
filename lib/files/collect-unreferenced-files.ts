import { storage } from "@/lib/controller/storage";
import { deleteFileRowIfUnreferenced, unreferencedFilesBefore } from "./sql";
import { FILES_WORKSPACE } from "./upload-file";

/**
 * A file stays while any entity revision references it (restoring an old revision brings its
 * files back), and for a grace period after its upload (the form holds it unsaved meanwhile).
 * After that it is deleted: the row (re-checking that nothing references it), then the content.
 */
export const FILE_GRACE_MS = 24 * 60 * 60 * 1000;

/** Deletes the files uploaded before `olderThan` that no revision references; answers their ids. */
export async function collectUnreferencedFiles(olderThan: Date, { batch = 500 } = {}): Promise<string[]> {
  const deleted: string[] = [];
  for (const id of await unreferencedFilesBefore(olderThan, batch)) {
    // Re-checked in the DELETE itself, so a file a save referenced since the select is kept.
    if (!(await deleteFileRowIfUnreferenced(id))) continue;
    await storage(FILES_WORKSPACE).delete(id);
    deleted.push(id);
  }
  return deleted;
}
