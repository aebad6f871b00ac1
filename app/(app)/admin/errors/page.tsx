import type { Metadata } from "next";
import { requireUser } from "@/app/platform";
import { ErrorQueue } from "@/components/inbox/error-queue";
import { listErrorQueue } from "@/lib/flow/inbox/list-error-queue";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";
import { installed } from "@/lib/installation/install";

export const metadata: Metadata = { title: "Error queue" };

// GET /admin/errors?flow&node&q&cursor: errored and obsolete tasks across all flows, to revive (after correcting the data) or cancel (admins only).
export default async function ErrorQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("flow.manage");
  const params = await searchParams;
  const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : null);
  const filters = { flow: one(params.flow), node: one(params.node), search: one(params.q) };
  const snapshot = await readFlowSnapshot();
  const page = await listErrorQueue(user, { ...filters, cursor: one(params.cursor) });
  const flowNames = installed().flows.flows.map((flow) => flow.name);
  return <ErrorQueue filters={filters} page={page} flowNames={flowNames} snapshot={snapshot} />;
}
