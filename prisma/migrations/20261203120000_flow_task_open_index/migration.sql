-- The process lock reads only the open tasks of a process (flow_lock_process, migration
-- 20261122100000_workflow): a partial index on them, so a process with thousands of finished tasks
-- (a long loop) is locked at the cost of a new one. Its predicate is the lock's own list of open
-- statuses (lib/flow/runtime/rows.ts OPEN_STATUSES), so the planner takes it for that query.
-- schema.prisma cannot declare a partial index; it names this one in a comment that
-- lib/db/schema.db.test.ts checks.
CREATE INDEX "flow_task_open_processId_idx" ON "flow_task" ("processId")
  WHERE status IN ('new', 'assigned', 'scheduled', 'started', 'error');
