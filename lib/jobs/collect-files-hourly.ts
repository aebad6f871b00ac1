/**
 * The hourly collection of unreferenced files (lib/files/collect-unreferenced-files.ts), as a
 * graphile-worker cron task: every worker process registers the crontab, and the queue's
 * `known_crontabs` row lets exactly one of them enqueue each hour's job, so one collection runs
 * per cluster, not one per web process. `fill=1h`: a cluster that was down at the top of the hour
 * runs the missed collection when a worker starts.
 */
import type { Task } from "graphile-worker";
import { collectUnreferencedFiles, FILE_GRACE_MS } from "@/lib/files/collect-unreferenced-files";

/** The task identifier of the collection (also the cron item's identifier in `known_crontabs`). */
export const COLLECT_FILES_TASK = "collect_unreferenced_files";

/** At minute 0 of every hour. */
export const COLLECT_FILES_CRONTAB = `0 * * * * ${COLLECT_FILES_TASK} ?fill=1h`;

/** Deletes the files older than the grace period that no revision references; logs how many. */
export const collectFilesTask: Task = async (_payload, helpers) => {
  const deleted = await collectUnreferencedFiles(new Date(Date.now() - FILE_GRACE_MS));
  if (deleted.length) helpers.logger.info(`Deleted ${deleted.length} unreferenced file(s).`);
};
