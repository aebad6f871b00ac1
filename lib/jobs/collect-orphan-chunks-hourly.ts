/**
 * The hourly collection of storage chunks that puts left unnamed when their process died
 * (lib/controller/collect-orphan-chunks.ts), as a graphile-worker cron task scheduled like the
 * file collection (collect-files-hourly.ts): every worker registers the crontab, the queue's
 * `known_crontabs` row lets one of them enqueue each hour's job, so it runs once per cluster, and
 * `fill=1h` runs an hour a stopped cluster missed. With storage in S3 the table is empty and the
 * task a no-op.
 */
import type { Task } from "graphile-worker";
import { collectOrphanChunks, ORPHAN_CHUNK_GRACE_MS } from "@/lib/controller/collect-orphan-chunks";

/** The task identifier of the collection (also the cron item's identifier in `known_crontabs`). */
export const COLLECT_CHUNKS_TASK = "collect_orphan_chunks";

/** At minute 30 of every hour, so it never runs at once with the file collection (minute 0). */
export const COLLECT_CHUNKS_CRONTAB = `30 * * * * ${COLLECT_CHUNKS_TASK} ?fill=1h`;

/** Deletes the unnamed chunks of puts that wrote nothing for the grace period; logs how many. */
export const collectChunksTask: Task = async (_payload, helpers) => {
  const deleted = await collectOrphanChunks(new Date(Date.now() - ORPHAN_CHUNK_GRACE_MS));
  if (deleted) helpers.logger.info(`Deleted ${deleted} orphan storage chunk(s).`);
};
