-- Entities: the tree of typed entities, every saved version of their params,
-- and who they are shared with (lib/entities). Entity types are plain strings:
-- adding one needs no migration.

CREATE TABLE "entity" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "params" JSONB NOT NULL,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "ownerId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "entity_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "entity_parentId_idx" ON "entity"("parentId");
CREATE INDEX "entity_ownerId_idx" ON "entity"("ownerId");

CREATE TABLE "entity_revision" (
    "id" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "params" JSONB NOT NULL,
    "savedById" TEXT NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restoredFrom" INTEGER,
    CONSTRAINT "entity_revision_pkey" PRIMARY KEY ("id")
);
-- Also the index of an entity's history, newest first (read backwards).
CREATE UNIQUE INDEX "entity_revision_entityId_version_key" ON "entity_revision"("entityId", "version");

CREATE TABLE "entity_share" (
    "entityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "entity_share_pkey" PRIMARY KEY ("entityId", "userId")
);
CREATE INDEX "entity_share_userId_idx" ON "entity_share"("userId");

ALTER TABLE "entity" ADD CONSTRAINT "entity_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "entity" ADD CONSTRAINT "entity_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "entity_revision" ADD CONSTRAINT "entity_revision_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "entity_revision" ADD CONSTRAINT "entity_revision_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "entity_share" ADD CONSTRAINT "entity_share_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "entity_share" ADD CONSTRAINT "entity_share_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
