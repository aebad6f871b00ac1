-- An entity's processes (its page's Processes panel, lib/flow/inbox/get-process-page.ts
-- listEntityProcesses): WHERE data->>'entityId' = $1 ORDER BY "createdAt" DESC LIMIT 50, one index
-- range read in order instead of a scan of every process. schema.prisma cannot declare an expression
-- index; it names this one in a comment that lib/db/schema.db.test.ts checks.
-- Built in the migration's transaction, so writes to flow_process wait for it: bench/inbox.ts
-- measures the build on 250,000 processes.
CREATE INDEX "flow_process_entityId_createdAt_idx" ON "flow_process" ((data ->> 'entityId'), "createdAt" DESC);
