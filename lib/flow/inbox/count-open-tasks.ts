import { pool } from "@/lib/db/pool";
import { rowsOf, sql, type Sql } from "@/lib/db/sql";
import type { Actor } from "@/lib/flow/runtime";
import { INBOX_STATUSES } from "./list-inbox";

/** How many open tasks the header's counter shows: the user's inbox (index only scan on assigneeId, status). */
export async function countOpenTasks(actor: Actor): Promise<number> {
  const [row] = await rowsOf<{ count: string }>(pool, openTaskCountStatement(actor));
  return Number(row?.count ?? 0);
}

/** @internal The statement countOpenTasks runs (bench/inbox.ts checks its plan). */
export function openTaskCountStatement(actor: Actor): Sql {
  return sql`
    SELECT count(*) AS count FROM flow_task t
    WHERE t."assigneeId" = ${actor.id} AND t.status = ANY(${[...INBOX_STATUSES]}::text[])`;
}
