-- The workflow runtime: processes, tasks and their links, the audit trail and
-- job worker heartbeats (lib/flow/runtime, lib/jobs).
-- Task names are plain strings: adding a node needs no migration; renaming one
-- is a one-line UPDATE (README, "Flows").

CREATE TABLE "flow_process" (
    "id" TEXT NOT NULL,
    "flowName" TEXT NOT NULL,
    "flowVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "parentTaskId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "flow_process_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "flow_process_flowName_status_createdAt_idx" ON "flow_process"("flowName", "status", "createdAt" DESC);
CREATE INDEX "flow_process_createdById_createdAt_idx" ON "flow_process"("createdById", "createdAt" DESC);
CREATE INDEX "flow_process_status_idx" ON "flow_process"("status");
CREATE INDEX "flow_process_parentTaskId_idx" ON "flow_process"("parentTaskId");

CREATE TABLE "flow_task" (
    "id" TEXT NOT NULL,
    "processId" TEXT NOT NULL,
    "flowName" TEXT NOT NULL,
    "nodeName" TEXT NOT NULL,
    "nodeKind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" TEXT,
    "ownerRole" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMPTZ(3),
    "data" JSONB,
    "error" JSONB,
    "token" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "revivedFromId" TEXT,
    "finishedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "flow_task_pkey" PRIMARY KEY ("id")
);
-- The inbox (mine, open, newest first), the queue (my role's, unclaimed), the
-- archive (finished by me), a process's tasks, and the error queue.
CREATE INDEX "flow_task_assigneeId_status_createdAt_idx" ON "flow_task"("assigneeId", "status", "createdAt" DESC);
CREATE INDEX "flow_task_ownerRole_status_createdAt_idx" ON "flow_task"("ownerRole", "status", "createdAt" DESC);
CREATE INDEX "flow_task_finishedById_finishedAt_idx" ON "flow_task"("finishedById", "finishedAt" DESC);
CREATE INDEX "flow_task_processId_idx" ON "flow_task"("processId");
CREATE INDEX "flow_task_status_idx" ON "flow_task"("status");

CREATE TABLE "flow_task_previous" (
    "taskId" TEXT NOT NULL,
    "previousId" TEXT NOT NULL,
    CONSTRAINT "flow_task_previous_pkey" PRIMARY KEY ("taskId", "previousId")
);
CREATE INDEX "flow_task_previous_previousId_idx" ON "flow_task_previous"("previousId");

CREATE TABLE "flow_audit" (
    "id" BIGSERIAL NOT NULL,
    "processId" TEXT NOT NULL,
    "taskId" TEXT,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB,
    CONSTRAINT "flow_audit_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "flow_audit_processId_at_idx" ON "flow_audit"("processId", "at");
CREATE INDEX "flow_audit_taskId_idx" ON "flow_audit"("taskId");

CREATE TABLE "worker_heartbeat" (
    "workerId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("workerId")
);

ALTER TABLE "flow_process" ADD CONSTRAINT "flow_process_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "flow_process" ADD CONSTRAINT "flow_process_parentTaskId_fkey" FOREIGN KEY ("parentTaskId") REFERENCES "flow_task"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "flow_task" ADD CONSTRAINT "flow_task_processId_fkey" FOREIGN KEY ("processId") REFERENCES "flow_process"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "flow_task" ADD CONSTRAINT "flow_task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "flow_task" ADD CONSTRAINT "flow_task_finishedById_fkey" FOREIGN KEY ("finishedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "flow_task_previous" ADD CONSTRAINT "flow_task_previous_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "flow_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "flow_task_previous" ADD CONSTRAINT "flow_task_previous_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "flow_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "flow_audit" ADD CONSTRAINT "flow_audit_processId_fkey" FOREIGN KEY ("processId") REFERENCES "flow_process"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Locks a process of a flow (SELECT … FOR UPDATE) and returns it with its open tasks, and with the
-- task `task_id` whatever its status, in one round trip: lib/flow/runtime/queries.ts lockProcess.
-- VOLATILE on purpose: each statement in it then takes a fresh snapshot, so the tasks are read
-- after the lock is held and include everything the previous holder committed. (One SELECT with a
-- subquery would read them with the snapshot taken before it waited for the lock.)
CREATE FUNCTION flow_lock_process(process_id TEXT, flow_name TEXT, task_id TEXT) RETURNS JSONB
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked JSONB;
BEGIN
  SELECT to_jsonb(p) INTO locked FROM flow_process p WHERE p.id = process_id AND p."flowName" = flow_name FOR UPDATE;
  IF locked IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN jsonb_build_object(
    'process', locked,
    'open', coalesce((SELECT jsonb_agg(to_jsonb(t)) FROM flow_task t
                       WHERE t."processId" = process_id AND t.status IN ('new', 'assigned', 'scheduled', 'started', 'error')), '[]'::jsonb),
    'task', (SELECT to_jsonb(t) FROM flow_task t WHERE t.id = task_id AND t."processId" = process_id));
END
$$;
