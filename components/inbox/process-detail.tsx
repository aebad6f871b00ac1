import Link from "next/link";
import { FlowGraphView } from "@/components/flow-graph/flow-graph-view";
import { LocalTime } from "@/components/ui/local-time";
import type { FlowSnapshot } from "@/lib/events/flow-snapshot";
import type { ProcessPageData, ProcessTask } from "@/lib/flow/inbox/get-process-page";
import { CancelProcessButton } from "./admin-process-actions";
import { taskHref } from "./format";
import { RefreshOnFlowChange } from "./live-flow";
import { StatusBadge } from "./status-badge";

type Process = ProcessPageData["process"];
type AuditRow = ProcessPageData["audit"][number];
type ProcessFile = ProcessPageData["files"][number];

/** A process's page: its status, the flow drawn with the path taken, its data and files, every task, and the audit trail. */
export function ProcessDetail({ page, snapshot }: { page: ProcessPageData; snapshot: FlowSnapshot }) {
  const { process, tasks } = page;
  return (
    <div className="space-y-8">
      <RefreshOnFlowChange scope={`process:${process.id}`} snapshot={snapshot} process={process.id} />
      <ProcessHeader process={process} canCancel={page.can.cancel} />
      {page.graph && (
        <section className="space-y-2">
          <h2 className="text-lg font-medium">Flow</h2>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
            <FlowGraphView graph={page.graph} {...pathTaken(tasks)} label={`The ${process.flowName} flow, with this process's path`} />
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
          <ProcessFiles process={process} files={page.files} />
        </section>
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Tasks</h2>
        <ProcessTasksTable process={process} tasks={tasks} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Audit trail</h2>
        <AuditTrail audit={page.audit} tasks={tasks} />
      </section>
    </div>
  );
}

const OPEN = new Set(["new", "assigned", "started", "scheduled", "error"]);

/** The nodes to mark on the drawn flow: where the process is now, where it failed, and where it has been. */
function pathTaken(tasks: readonly ProcessTask[]): { current: Set<string>; errored: Set<string>; visited: Set<string> } {
  const nodesWhere = (keep: (task: ProcessTask) => boolean) => new Set(tasks.filter(keep).map((task) => task.nodeName));
  return {
    current: nodesWhere((task) => OPEN.has(task.status) && task.status !== "error"),
    errored: nodesWhere((task) => task.status === "error"),
    visited: nodesWhere((task) => task.status === "done"),
  };
}

function ProcessHeader({ process, canCancel }: { process: Process; canCancel: boolean }) {
  return (
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
      {canCancel && <CancelProcessButton processRef={{ flow: process.flowName, processId: process.id }} />}
    </div>
  );
}

/** The files the process's jobs stored, each a download. */
function ProcessFiles({ process, files }: { process: Process; files: readonly ProcessFile[] }) {
  if (files.length === 0) return <p className="text-sm text-slate-500">No files yet.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {files.map((file) => (
        <li key={file.name}>
          <a
            href={`/api/flows/${encodeURIComponent(process.flowName)}/processes/${process.id}/files/${encodeURIComponent(file.name)}`}
            className="text-brand-700 hover:underline"
            download
          >
            {file.name}
          </a>
          <span className="ml-2 text-slate-500">{Math.round(file.size / 1024)} KB</span>
        </li>
      ))}
    </ul>
  );
}

function ProcessTasksTable({ process, tasks }: { process: Process; tasks: readonly ProcessTask[] }) {
  return (
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
            <ProcessTaskRow key={task.id} process={process} task={task} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProcessTaskRow({ process, task }: { process: Process; task: ProcessTask }) {
  return (
    <tr data-testid="process-task" data-node={task.nodeName} data-status={task.status}>
      <td className="px-3 py-2">
        {/* Only a person's task has a page of its own. */}
        {task.nodeKind === "view" ? (
          <Link
            href={taskHref({ flowName: process.flowName, processId: process.id, id: task.id })}
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
  );
}

/** Every status change and action on the process, oldest first, with the task's node it concerned. */
function AuditTrail({ audit, tasks }: { audit: readonly AuditRow[]; tasks: readonly ProcessTask[] }) {
  const nodeOfTask = new Map(tasks.map((task) => [task.id, task.nodeName]));
  return (
    <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
      {audit.map((row) => (
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
          {row.taskId && <span className="text-xs text-slate-400">{nodeOfTask.get(row.taskId)}</span>}
        </li>
      ))}
    </ol>
  );
}
