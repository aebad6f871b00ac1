import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";
import { isCommittedIn } from "./flow-snapshot";

// The process page stayed "running" after its report job ended: it was rendered just before the
// job committed and mounted just after the browser heard of it, so nothing refreshed it. A page
// now carries its snapshot and compares it with the `tx` of every change heard. Here, for real:
// a change is missing from snapshots taken before and during its transaction, present after.

const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => writer.connect());
afterAll(() => writer.end());

it("a change's transaction is missing from a page read before or during it, and in one read after its commit", async () => {
  const before = await readFlowSnapshot();
  await writer.query("BEGIN");
  await writer.query(`INSERT INTO setting (key, value) VALUES ('snapshot-test', '1')`);
  const { rows } = await writer.query<{ tx: string }>("SELECT pg_current_xact_id()::text AS tx");
  const tx = rows[0]!.tx;
  const during = await readFlowSnapshot();
  await writer.query("COMMIT");
  const after = await readFlowSnapshot();

  expect([isCommittedIn(before, tx), isCommittedIn(during, tx), isCommittedIn(after, tx)]).toEqual([false, false, true]);
});
