import { pool } from "@/lib/db/pool";
import { rowsOf, sql } from "@/lib/db/sql";
import { db } from "@/lib/db/client";
import type { TreeEntity, Actor } from "./types";
import { can } from "@/lib/auth/permissions";

/**
 * Every entity the actor may see, as a flat list the editor draws as a tree (by `parentId`),
 * siblings by name. Admins and reviewers see every entity; engineers the subtrees of the entities
 * they own or that are shared with them. An entity whose parent the actor cannot see is shown as
 * a root (its `parentId` is null here).
 */
export async function listTree(actor: Actor): Promise<TreeEntity[]> {
  const seesAll = can(actor, "entity.read.any") || can(actor, "entity.edit.any");
  const memberIds = can(actor, "entity.edit.member") ? await memberEntityIds(actor.id) : new Set<string>();
  const editsAll = can(actor, "entity.edit.any");
  const rows = await db.entity.findMany({
    where: seesAll ? {} : { id: { in: [...memberIds] } },
    select: {
      id: true,
      type: true,
      name: true,
      parentId: true,
      version: true,
      updatedAt: true,
      summary: true,
      owner: { select: { id: true, name: true } },
    },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
  });
  const visible = new Set(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    name: row.name,
    parentId: row.parentId !== null && visible.has(row.parentId) ? row.parentId : null,
    owner: row.owner,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    summary: isRecord(row.summary) ? row.summary : {},
    canEdit: editsAll || memberIds.has(row.id),
  }));
}

/** The entities the user is a member of: owned or shared, and everything below those. */
async function memberEntityIds(userId: string): Promise<Set<string>> {
  const rows = await rowsOf<{ id: string }>(
    pool,
    sql`
    WITH RECURSIVE member_of AS (
      SELECT e."id" FROM "entity" e
       WHERE e."ownerId" = ${userId}
          OR EXISTS (SELECT 1 FROM "entity_share" s WHERE s."entityId" = e."id" AND s."userId" = ${userId})
      UNION
      SELECT c."id" FROM "entity" c JOIN member_of m ON c."parentId" = m."id"
    )
    SELECT "id" FROM member_of`,
  );
  return new Set(rows.map((row) => row.id));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
