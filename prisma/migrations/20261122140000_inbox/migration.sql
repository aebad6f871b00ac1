-- Half-filled task forms, saved on the server per task and user (lib/flow/inbox/save-task-draft.ts),
-- so a draft is there again after a reload or on another machine. No foreign keys: a draft of a task
-- or user that is gone is never read (the task page loads it by both ids) and is harmless.
CREATE TABLE "flow_task_draft" (
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "flow_task_draft_pkey" PRIMARY KEY ("taskId", "userId")
);
