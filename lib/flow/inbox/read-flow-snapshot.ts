import { pool } from "@/lib/db/pool";
import { rowsOf, sql } from "@/lib/db/sql";
import type { FlowSnapshot } from "@/lib/events/flow-snapshot";

/**
 * The PostgreSQL snapshot a live page reads from, taken before its queries: every change committed
 * in it is in what they return (later statements see at least as much). The page hands it to the
 * browser, which refreshes if it has heard of a change the snapshot does not hold
 * (lib/events/flow-snapshot.ts). One round trip of a few hundred microseconds.
 */
export async function readFlowSnapshot(): Promise<FlowSnapshot> {
  const [row] = await rowsOf<{ snapshot: string }>(pool, sql`SELECT pg_current_snapshot()::text AS snapshot`);
  return row!.snapshot;
}
