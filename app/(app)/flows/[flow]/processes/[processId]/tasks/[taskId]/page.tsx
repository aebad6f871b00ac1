import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { processHref } from "@/components/inbox/format";
import { LocalTime } from "@/components/ui/local-time";
import { RefreshOnFlowChange } from "@/components/inbox/live-flow";
import { StatusBadge } from "@/components/inbox/status-badge";
import { TaskForm } from "@/components/inbox/task-form";
import { EntityViews } from "@/components/views/entity-views";
import { requireUser } from "@/app/platform";
import { getTaskPage } from "@/lib/flow/inbox/get-task-page";
import { readFlowSnapshot } from "@/lib/flow/inbox/read-flow-snapshot";

export const metadata: Metadata = { title: "Task" };

// GET /flows/:flow/processes/:processId/tasks/:taskId: a task's form beside the entity it concerns, at the submitted revision, with its views live.
export default async function TaskPage({ params }: { params: Promise<{ flow: string; processId: string; taskId: string }> }) {
  const user = await requireUser("app.use");
  const { flow, processId, taskId } = await params;
  const ref = { flow: decodeURIComponent(flow), processId, taskId };
  const snapshot = await readFlowSnapshot();
  const page = await getTaskPage(user, ref);
  if (page === "not_found") notFound();
  if (page === "forbidden") forbidden();
  const { task, process, entity } = page;
  return (
    <div className="space-y-6">
      <RefreshOnFlowChange scope={`task:${task.id}`} snapshot={snapshot} process={task.processId} />
      <div className="space-y-1">
        <nav className="text-sm text-slate-500">
          <Link href="/inbox" className="hover:text-slate-900">
            Inbox
          </Link>{" "}
          /{" "}
          <Link href={processHref({ flowName: task.flowName, id: task.processId })} className="hover:text-slate-900">
            {task.flowName} process
          </Link>
        </nav>
        <h1 className="text-2xl font-semibold">{task.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <StatusBadge status={task.status} />
          <span>
            {task.assigneeName ? `Assigned to ${task.assigneeName}` : task.ownerRole ? `In the ${task.ownerRole}s' queue` : "Unassigned"}
          </span>
          <span>Started by {process.startedByName}</span>
          {task.dueAt && (
            <span>
              Due <LocalTime iso={task.dueAt} />
            </span>
          )}
        </div>
        {task.description && <p className="text-slate-700">{task.description}</p>}
      </div>
      <div className={entity ? "grid gap-6 lg:grid-cols-[minmax(0,380px)_minmax(0,1fr)]" : ""}>
        <section aria-label="Task form" className="space-y-3">
          <h2 className="font-medium">{task.nodeTitle}</h2>
          {task.error && <pre className="overflow-auto rounded bg-red-50 p-3 text-xs text-red-800">{task.error.message}</pre>}
          {task.status === "done" && task.data !== null && (
            <pre className="overflow-auto rounded bg-slate-100 p-3 text-xs">{JSON.stringify(task.data, null, 2)}</pre>
          )}
          <TaskForm
            taskRef={ref}
            form={task.status === "done" ? null : page.form}
            initial={page.initial}
            draftSavedAt={page.draftSavedAt}
            can={page.can}
            assigned={task.assigneeId === user.id}
            candidates={page.candidates}
          />
        </section>
        {entity && (
          <section aria-label="Entity under review" className="min-w-0 space-y-2">
            <h2 className="font-medium">
              <Link href={`/editor/${entity.id}`} className="hover:underline">
                {entity.name}
              </Link>
              <span className="ml-2 text-sm font-normal text-slate-500">
                {entity.type}
                {entity.revision !== null ? `, revision ${entity.revision}` : ""} · read-only
              </span>
            </h2>
            <EntityViews entityId={entity.id} entityType={entity.type} params={entity.params} />
          </section>
        )}
      </div>
    </div>
  );
}
