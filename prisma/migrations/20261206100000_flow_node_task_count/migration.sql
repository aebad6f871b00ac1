-- How many tasks of each flow and node have finished, per finished status (done, canceled, revived),
-- so the flows page (lib/flow/inbox/flow-node-counts.ts) reads these few rows instead of grouping
-- every task ever run; the open and errored tasks it counts from the partial index on open tasks
-- (flow_task_open_processId_idx). The runtime keeps the rows current in the statement that changes
-- the tasks (lib/flow/runtime/queries.ts writeStatement, the one place tasks are written), so they
-- commit or roll back with the change. Each (flow, node, status) is split over 8 slots chosen by
-- the process id, so completions of one node in different processes rarely wait on the same row.
CREATE TABLE "flow_node_task_count" (
    "flowName" TEXT NOT NULL,
    "nodeName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "flow_node_task_count_pkey" PRIMARY KEY ("flowName", "nodeName", "status", "slot")
);

-- The tasks that finished before this migration.
INSERT INTO "flow_node_task_count" ("flowName", "nodeName", "status", "slot", "count")
SELECT "flowName", "nodeName", status, hashtext("processId") & 7, count(*)
  FROM "flow_task"
 WHERE status IN ('done', 'canceled', 'revived')
 GROUP BY 1, 2, 3, 4;
