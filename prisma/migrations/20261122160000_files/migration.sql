-- Files uploaded to file fields (lib/files). The content lives in the storage workspace "files"
-- under the row's id; params reference the id. Unreferenced files older than a grace period are
-- deleted by lib/files/collect-unreferenced-files.ts (the index serves its createdAt range).
CREATE TABLE "stored_file" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "stored_file_createdAt_idx" ON "stored_file"("createdAt");
