-- Long calls (lib/calls): a slow view or a long button run by a job worker instead of inside the
-- request. The row is the call's state; the worker updates it (throttled) and sends
-- pg_notify('gusset_call', …) so a browser following the call sees its progress. Only the call's
-- user may read or cancel it.
CREATE TABLE "long_call" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "message" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "failure" JSONB,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "long_call_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "long_call_kind_check" CHECK ("kind" IN ('view', 'button')),
    CONSTRAINT "long_call_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed', 'cancelled'))
);

CREATE INDEX "long_call_userId_createdAt_idx" ON "long_call"("userId", "createdAt");
