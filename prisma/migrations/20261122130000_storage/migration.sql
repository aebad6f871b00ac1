-- Persistent storage per workspace (lib/controller/storage.ts): an object row,
-- and its content in 256 KiB chunks written before the object becomes visible.

CREATE TABLE "storage_object" (
    "id" UUID NOT NULL,
    "workspace" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "storage_object_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "storage_object_workspace_key_key" ON "storage_object"("workspace", "key");

CREATE TABLE "storage_chunk" (
    "objectId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "storage_chunk_pkey" PRIMARY KEY ("objectId", "seq")
);
