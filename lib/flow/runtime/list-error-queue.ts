import type { FlowUser } from "@/lib/flow";
import { inFlowTransaction, requireAdmin, type RuntimeOptions } from "./lock-process";
import type { ProcessRow, TaskRow } from "./rows";

/** One entry of the admin error queue: the failed task (its error has the message and stack) and its process's data. */
export interface ErrorQueueEntry {
  readonly task: TaskRow;
  readonly process: Pick<ProcessRow, "id" | "flowName" | "flowVersion" | "status" | "data" | "createdById">;
}

/**
 * The admin error queue: tasks in error, the most recently failed first, each with its process's
 * data. An admin retries one (`reviveTask`) or cancels it (`cancelTask`).
 * @throws {FlowError} forbidden for anyone but an admin
 */
export async function listErrorQueue(actor: FlowUser, options: RuntimeOptions & { readonly limit?: number } = {}): Promise<ErrorQueueEntry[]> {
  requireAdmin(actor);
  return inFlowTransaction(options, "user", actor.id, async (work) =>
    work.tx.$queryRawUnsafe<ErrorQueueEntry[]>(
      `SELECT row_to_json(t) AS task,
              json_build_object('id', p.id, 'flowName', p."flowName", 'flowVersion', p."flowVersion", 'status', p.status,
                                'data', p.data, 'createdById', p."createdById") AS process
         FROM flow_task t JOIN flow_process p ON p.id = t."processId"
        WHERE t.status = 'error' ORDER BY t."updatedAt" DESC LIMIT $1`,
      options.limit ?? 100,
    ),
  );
}
