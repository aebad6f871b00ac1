import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/flow/runtime";
import { INBOX_STATUSES } from "./list-inbox";

/** How many open tasks the header's counter shows: the user's inbox (index only scan on assigneeId, status). */
export async function countOpenTasks(actor: Actor): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM flow_task t
    WHERE t."assigneeId" = ${actor.id} AND t.status = ANY(${[...INBOX_STATUSES]}::text[])`;
  return Number(row?.count ?? 0);
}
