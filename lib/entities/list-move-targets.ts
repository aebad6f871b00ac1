import { installed } from "@/lib/installation/install";
import { pool } from "@/lib/db/pool";
import { empty, rowsOf, sql } from "@/lib/db/sql";
import { canEdit, editableSql, readableSql } from "./access";
import { loadEntityAccess } from "./load-access";
import type { Actor } from "./types";

/** Targets the move dialog lists at once; the text narrows them. */
export const MOVE_TARGETS = 50;

/** A place an entity may be moved to: another entity (by its path's names), or the top of the tree (`id` null). */
export interface MoveTarget {
  readonly id: string | null;
  readonly label: string;
}

/**
 * Where the actor may move an entity: the entities they edit whose type holds its type, other than
 * itself, its own subtree and its current parent, whose name holds `text`, by name; and the top of
 * the tree first when its type may sit there. The server checks the same again, under the move's
 * lock (move-entity.ts). Null when the actor may not edit the entity.
 */
export async function listMoveTargets(actor: Actor, entityId: string, text = ""): Promise<MoveTarget[] | null> {
  const access = await loadEntityAccess(actor, entityId);
  if (!access || !canEdit(actor, access)) return null;
  const type = installed().entityType(access.type);
  if (!type) return [];
  const top: MoveTarget[] = type.placement.atRoot && access.parentId !== null ? [{ id: null, label: "Top level" }] : [];
  if (type.placement.under.length === 0) return top;
  const words = text.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await rowsOf<{ id: string; label: string }>(
    pool,
    sql`
    SELECT t."id",
      (SELECT string_agg(a."name", ' / ' ORDER BY step.n) FROM unnest(t."ancestorIds" || t."id") WITH ORDINALITY AS step("id", n)
         JOIN "entity" a ON a."id" = step."id" WHERE ${readableSql(actor, "a")}) AS "label"
    FROM "entity" t
    WHERE t."type" = ANY (${[...type.placement.under]}::text[])
      AND t."id" <> ${entityId} AND NOT (t."ancestorIds" @> ARRAY[${entityId}]::text[])
      AND t."id" IS DISTINCT FROM ${access.parentId}
      ${words ? sql`AND t."name" ILIKE ${`%${words}%`}` : empty}
      AND ${editableSql(actor, "t")}
    ORDER BY t."name", t."id"
    LIMIT ${MOVE_TARGETS}`,
  );
  return [...top, ...rows];
}
