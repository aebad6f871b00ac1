import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/app/platform";
import { ProcessDetail } from "@/components/inbox/process-detail";
import { getProcessPage } from "@/lib/flow/inbox/get-process-page";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";

export const metadata: Metadata = { title: "Process" };

// GET /flows/:flow/processes/:processId: the process data, every task, the audit trail, its files, and the flow drawn with the path taken.
export default async function ProcessPage({ params }: { params: Promise<{ flow: string; processId: string }> }) {
  const user = await requireUser("app.use");
  const { flow, processId } = await params;
  const snapshot = await readFlowSnapshot();
  const page = await getProcessPage(user, { flow: decodeURIComponent(flow), processId });
  if (page === "not_found") notFound();
  if (page === "forbidden") forbidden();
  return <ProcessDetail page={page} snapshot={snapshot} />;
}
