-- Memoized results shared by every process (lib/controller/memoize.ts).

CREATE TABLE "memo_entry" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memo_entry_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "memo_entry_usedAt_idx" ON "memo_entry"("usedAt");
