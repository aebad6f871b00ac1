import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { FlowGraphView } from "@/components/flow-graph/flow-graph-view";
import { CancelProcessButton } from "@/components/inbox/admin-process-actions";
import { taskHref } from "@/components/inbox/format";
import { LocalTime } from "@/components/ui/local-time";
import { RefreshOnFlowChange } from "@/components/inbox/live-flow";
import { StatusBadge } from "@/components/inbox/status-badge";
import { requireUser } from "@/app/platform";
import { getProcessPage } from "@/lib/flow/inbox/get-process-page";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";

export const metadata: Metadata = { title: "Process" };

const OPEN = new Set(["new", "assigned", "started", "scheduled", "error"]);

// GET /flows/:flow/processes/:processId: the process data, every task, the audit trail, its files, and the flow drawn with the path taken.
export default async function ProcessPage({ params }: { params: Promise<{ flow: string; processId: string }> }) {
  const user = await requireUser("app.use");
  const { flow: flowParam, processId } = await params;
  const flow = decodeURIComponent(flowParam);
  const snapshot = await readFlowSnapshot();
  const page = await getProcessPage(user, { flow, processId });
  if (page === "not_found") notFound();
  if (page === "forbidden") forbidden();
  const { process, tasks } = page;
  const current = new Set(tasks.filter((task) => OPEN.has(task.status) && task.status !== "error").map((task) => task.nodeName));
  const errored = new Set(tasks.filter((task) => task.status === "error").map((task) => task.nodeName));
  const visited = new Set(tasks.filter((task) => task.status === "done").map((task) => task.nodeName));
  return (
    <div className="space-y-8">
      <RefreshOnFlowChange scope={`process:${process.id}`} snapshot={snapshot} process={process.id} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">
            {process.flowName} <span className="text-base font-normal text-slate-500">#{process.id.slice(0, 8)}</span>
          </h1>
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span data-testid="process-status">
              <StatusBadge status={process.status} />
            </span>
            <span>
              Started by {process.startedByName}, <LocalTime iso={process.createdAt} />
            </span>
            {process.finishedAt && (
              <span>
                Finished <LocalTime iso={process.finishedAt} />
              </span>
            )}
          </div>
        </div>
        {page.can.cancel && <CancelProcessButton processRef={{ flow, processId }} />}
      </div>
      {page.graph && (
        <section className="space-y-2">
          <h2 className="text-lg font-medium">Flow</h2>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
            <FlowGraphView
              graph={page.graph}
              current={current}
              visited={visited}
              errored={errored}
              label={`The ${process.flowName} flow, with this process's path`}
            />
          </div>
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="space-y-2">
          <h2 className="text-lg font-medium">Data</h2>
          <pre className="overflow-auto whitespace-pre-wrap wrap-anywhere rounded-xl border border-slate-200 bg-white p-3 text-xs">
            {JSON.stringify(process.data, null, 2)}
          </pre>
        </section>
        <section className="space-y-2">
          <h2 className="text-lg font-medium">Files</h2>
          {page.files.length === 0 ? (
            <p className="text-sm text-slate-500">No files yet.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {page.files.map((file) => (
                <li key={file.name}>
                  <a
                    href={`/api/flows/${encodeURIComponent(flow)}/processes/${process.id}/files/${encodeURIComponent(file.name)}`}
                    className="text-brand-700 hover:underline"
                    download
                  >
                    {file.name}
                  </a>
                  <span className="ml-2 text-slate-500">{Math.round(file.size / 1024)} KB</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Tasks</h2>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">Task</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2">Assignee</th>
                <th className="px-3 py-2">Created</th>
                <th className="px-3 py-2">Started</th>
                <th className="px-3 py-2">Finished</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tasks.map((task) => (
                <tr key={task.id} data-testid="process-task" data-node={task.nodeName} data-status={task.status}>
                  <td className="px-3 py-2">
                    {task.nodeKind === "view" ? (
                      <Link
                        href={taskHref({ flowName: flow, processId: process.id, id: task.id })}
                        prefetch={false}
                        className="text-brand-700 hover:underline"
                      >
                        {task.title}
                      </Link>
                    ) : (
                      task.title
                    )}
                    <span className="ml-1 text-xs text-slate-400">{task.nodeName}</span>
                    {task.error && <div className="text-xs text-red-700">{task.error.message}</div>}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={task.status} />
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {task.assigneeName ?? task.finishedByName ?? (task.ownerRole ? `${task.ownerRole}s' queue` : "—")}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    <LocalTime iso={task.createdAt} />
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    <LocalTime iso={task.startedAt} />
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    <LocalTime iso={task.finishedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Audit trail</h2>
        <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
          {page.audit.map((row) => (
            <li key={row.id} className="flex flex-wrap gap-3 px-3 py-1.5">
              <span className="w-40 text-slate-500">
                <LocalTime iso={row.at} />
              </span>
              <span className="font-medium">{row.action}</span>
              {row.fromStatus || row.toStatus ? (
                <span className="text-slate-600">
                  {row.fromStatus ?? "—"} → {row.toStatus ?? "—"}
                </span>
              ) : null}
              <span className="text-slate-600">{row.userName ?? "engine"}</span>
              {row.taskId && <span className="text-xs text-slate-400">{tasks.find((task) => task.id === row.taskId)?.nodeName}</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
