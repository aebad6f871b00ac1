import { pool } from "@/lib/db/pool";

/**
 * How long a put may have written nothing before its unnamed chunks count as abandoned. A put
 * writes its chunks as they arrive and names them in its final transaction (storage.ts), so while
 * it runs its newest chunk is seconds old, however long the whole put takes; a stall of a day is no
 * put in progress. Abandoned chunks (a process died mid-put) only cost disk meanwhile.
 */
export const ORPHAN_CHUNK_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the chunks of puts that never finished: no object names them, and their put wrote its
 * last chunk before `lastWrittenBefore`. Answers how many chunks went.
 *
 * Judged by the put's newest chunk, not each chunk's own age: a long put's first chunks are older
 * than any grace period while it is still writing.
 */
export async function collectOrphanChunks(lastWrittenBefore: Date): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM storage_chunk c
      WHERE NOT EXISTS (SELECT 1 FROM storage_object o WHERE o.id = c."objectId")
        AND NOT EXISTS (SELECT 1 FROM storage_chunk n WHERE n."objectId" = c."objectId" AND n."createdAt" >= $1)`,
    [lastWrittenBefore],
  );
  return rowCount ?? 0;
}
