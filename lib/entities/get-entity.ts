import { installed } from "@/lib/installation/install";
import { pool } from "@/lib/db/pool";
import { rowOf, sql } from "@/lib/db/sql";
import { withDefaults, type ParamsDraft } from "@/lib/params";
import { canEdit, canRead, membershipSql } from "./access";
import type { Actor, EntityDetail } from "./types";

/**
 * The entity as its page shows it, or null when there is no such entity or the actor may not see
 * it (answered alike, so existence does not leak). Params are read as from storage: defaults fill
 * fields added since the save, and values of removed fields are left out. One statement: the row,
 * its owner's name and the actor's membership (lib/entities/access.ts).
 */
export async function findEntityForUser(actor: Actor, id: string): Promise<EntityDetail | null> {
  const row = await rowOf<{
    id: string;
    type: string;
    name: string;
    parentId: string | null;
    params: unknown;
    summary: unknown;
    version: number;
    createdAt: Date;
    updatedAt: Date;
    ownerId: string;
    ownerName: string;
    member: boolean;
  }>(
    pool,
    sql`SELECT e."id", e."type", e."name", e."parentId", e."params", e."summary", e."version", e."createdAt", e."updatedAt",
               e."ownerId", u."name" AS "ownerName", ${membershipSql(actor, "e")} AS "member"
          FROM "entity" e JOIN "user" u ON u."id" = e."ownerId" WHERE e."id" = ${id}`,
  );
  if (!row || !canRead(actor, row)) return null;
  const type = installed().entityType(row.type);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    parentId: row.parentId,
    params: type ? withDefaults(type.params, row.params) : asDraft(row.params),
    summary: asDraft(row.summary),
    version: row.version,
    owner: { id: row.ownerId, name: row.ownerName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: canEdit(actor, row),
  };
}

/** What running a view or a button needs to know of an entity: no params, no owner. */
export interface EntityToRun {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly canEdit: boolean;
}

/**
 * The entity a view or button call runs on, or null as findEntityForUser answers it (no such
 * entity, or one the actor may not see). One statement, deciding access inside it: the hot path
 * of the editor's views, called on every settled edit.
 */
export async function findEntityToRun(actor: Actor, id: string): Promise<EntityToRun | null> {
  const row = await rowOf<{ id: string; type: string; name: string; member: boolean }>(
    pool,
    sql`SELECT e."id", e."type", e."name", ${membershipSql(actor, "e")} AS "member" FROM "entity" e WHERE e."id" = ${id}`,
  );
  return row && canRead(actor, row) ? { id: row.id, type: row.type, name: row.name, canEdit: canEdit(actor, row) } : null;
}

function asDraft(value: unknown): ParamsDraft {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as ParamsDraft) : {};
}
