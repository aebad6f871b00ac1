import { pool } from "@/lib/db/pool";
import { empty, rowsOf, sql, type Sql } from "@/lib/db/sql";
import { FlowError, type Actor, type TaskError } from "@/lib/flow/runtime";
import { decodeCursor, PAGE_SIZE, pageOf } from "./cursor";
import { installed } from "@/lib/installation/install";
import { can } from "@/lib/auth/permissions";

/** One task an admin must look at: failed (status error), or open on a node its flow no longer has. */
export interface ErrorQueueItem {
  readonly id: string;
  readonly processId: string;
  readonly flowName: string;
  readonly nodeName: string;
  readonly status: string;
  readonly title: string;
  readonly reason: "error" | "obsolete";
  readonly error: TaskError | null;
  readonly processData: Record<string, unknown>;
  readonly updatedAt: string;
}

export interface ErrorQueueFilters {
  readonly flow?: string | null;
  readonly node?: string | null;
  /** Words of the error message. */
  readonly search?: string | null;
  readonly cursor?: string | null;
}

/**
 * Errored tasks across all flows, newest failure first, and open tasks of obsolete nodes (names their
 * flow no longer has). Admins only: anyone else is refused.
 * @throws {FlowError} forbidden
 */
export async function listErrorQueue(
  actor: Actor,
  filters: ErrorQueueFilters = {},
  options: { pageSize?: number } = {},
): Promise<{ items: ErrorQueueItem[]; nextCursor: string | null }> {
  if (!can(actor, "flow.manage")) throw new FlowError("forbidden", `User ${actor.id} may not see the error queue.`);
  const size = options.pageSize ?? PAGE_SIZE;
  const cursor = decodeCursor(filters.cursor);
  const known = installed().flows.flows.flatMap((flow) => Object.keys(flow.nodes).map((node) => `${flow.name}/${node}`));
  const rows = await rowsOf<{
    id: string;
    processId: string;
    flowName: string;
    nodeName: string;
    status: string;
    title: string;
    error: TaskError | null;
    processData: Record<string, unknown>;
    updatedAt: Date;
  }>(
    pool,
    sql`
    SELECT t.id, t."processId", t."flowName", t."nodeName", t.status, t.title, t.error, p.data AS "processData", t."updatedAt"
    FROM flow_task t JOIN flow_process p ON p.id = t."processId"
    WHERE ${errorQueueWhere(filters, known)}
      ${cursor ? sql`AND (t."updatedAt", t.id) < (${new Date(cursor.at)}, ${cursor.id})` : empty}
    ORDER BY t."updatedAt" DESC, t.id DESC
    LIMIT ${size + 1}`,
  );
  const page = pageOf(rows, size, (row) => ({ at: row.updatedAt.toISOString(), id: row.id }));
  return {
    items: page.items.map((row) => ({
      ...row,
      reason: row.status === "error" ? "error" : "obsolete",
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * @internal The ids of the tasks a filter selects (for a bulk retry), at most `limit`.
 */
export async function unsafeErrorQueueIds(
  filters: ErrorQueueFilters,
  limit: number,
): Promise<{ id: string; processId: string; flowName: string; status: string }[]> {
  const known = installed().flows.flows.flatMap((flow) => Object.keys(flow.nodes).map((node) => `${flow.name}/${node}`));
  return rowsOf(
    pool,
    sql`
    SELECT t.id, t."processId", t."flowName", t.status FROM flow_task t
    WHERE ${errorQueueWhere(filters, known)} AND t.status = 'error'
    ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${limit}`,
  );
}

function errorQueueWhere(filters: ErrorQueueFilters, known: readonly string[]): Sql {
  return sql`(t.status = 'error'
      OR (t.status IN ('new', 'assigned', 'scheduled', 'started') AND NOT (t."flowName" || '/' || t."nodeName") = ANY(${known}::text[])))
    ${filters.flow ? sql`AND t."flowName" = ${filters.flow}` : empty}
    ${filters.node ? sql`AND t."nodeName" = ${filters.node}` : empty}
    ${filters.search ? sql`AND t.error->>'message' ILIKE ${`%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : empty}`;
}
