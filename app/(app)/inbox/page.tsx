import type { Metadata } from "next";
import { Suspense } from "react";
import { TaskLists, type ListTab } from "@/components/inbox/task-lists";
import { requireUser } from "@/app/platform";
import { listArchive } from "@/lib/flow/inbox/list-archive";
import { listInbox } from "@/lib/flow/inbox/list-inbox";
import { listQueue } from "@/lib/flow/inbox/list-queue";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";
import { installed } from "@/lib/installation/install";

export const metadata: Metadata = { title: "Inbox" };

// GET /inbox?tab=inbox|queue|archive&flow&status&q: the signed-in user's tasks (first page rendered here, then live).
export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("app.use");
  const params = await searchParams;
  const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : null);
  const tab: ListTab = params.tab === "queue" || params.tab === "archive" ? params.tab : "inbox";
  const filters = { flow: one(params.flow), status: one(params.status), search: one(params.q) };
  const snapshot = await readFlowSnapshot();
  const initial =
    tab === "queue"
      ? await listQueue(user, filters)
      : tab === "archive"
        ? await listArchive(user, filters)
        : await listInbox(user, filters);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{tab === "queue" ? "Queue" : tab === "archive" ? "Archive" : "Inbox"}</h1>
      <Suspense>
        <TaskLists tab={tab} flows={installed().flows.flows.map((flow) => flow.name)} initial={initial} snapshot={snapshot} />
      </Suspense>
    </div>
  );
}
