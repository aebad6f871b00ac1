import { refuse, succeed } from "@/lib/result";
import { randomUUID } from "node:crypto";
import { installed } from "@/lib/installation/install";
import { pool } from "@/lib/db/pool";
import { rowsOf, withTransaction } from "@/lib/db/sql";
import { canEdit, canRead } from "./access";
import { checkEntityName, MAX_NAME_LENGTH } from "./entity-name";
import { loadEntityAccess } from "./load-access";
import { placementProblem } from "./placement";
import { subtreeIds } from "./subtree-ids";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/**
 * Copies an entity and its subtree next to the original, named "… (copy)". The actor owns the
 * copies, which start their own history at version 1 with the current params of the originals.
 * The actor must read the original and edit its parent.
 */
export async function duplicateEntity(actor: Actor, id: string): Promise<EntityResult<{ id: string; copied: number }>> {
  const access = await loadEntityAccess(actor, id);
  if (!access || !canRead(actor, access)) return NOT_FOUND;
  const type = installed().entityType(access.type);
  if (!type) return refuse("refused", "This entity's type is no longer installed; it cannot be copied.");

  let parent = null;
  if (access.parentId !== null) {
    const target = await loadEntityAccess(actor, access.parentId);
    if (!target || !canEdit(actor, target)) return READ_ONLY;
    parent = { id: target.id, type: installed().entityType(target.type), ancestorIds: target.ancestorIds };
  } else if (!canEdit(actor, access)) {
    return READ_ONLY;
  }
  const problem = placementProblem({ type, entityId: null, parent });
  if (problem) return refuse("refused", problem);

  return withTransaction(pool, async (tx) => {
    const ids = await subtreeIds(id, tx);
    const rows = await rowsOf<EntityRow>(
      tx,
      `SELECT "id", "type", "name", "parentId", "params", "summary" FROM "entity" WHERE "id" = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const newIds = new Map(ids.map((old) => [old, randomUUID()]));
    const copies = ids.flatMap((old) => {
      const row = byId.get(old);
      if (!row) return [];
      const name = old === id ? copyName(row.name) : row.name;
      const parentId = old === id ? row.parentId : (newIds.get(row.parentId ?? "") ?? null);
      return [{ ...row, id: newIds.get(old)!, name, parentId, ownerId: actor.id, revisionId: randomUUID() }];
    });
    await tx.query(COPY, [JSON.stringify(copies), actor.id]);
    return succeed({ id: newIds.get(id)!, copied: copies.length });
  });
}

type EntityRow = { id: string; type: string; name: string; parentId: string | null; params: unknown; summary: unknown };

/** The copies and their first revisions, from a JSON list, in one statement (foreign keys are checked at its end). */
const COPY = `
  WITH copies AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS c("id" text, "type" text, "name" text, "parentId" text, "params" jsonb, "summary" jsonb, "revisionId" text)
  ), entities AS (
    INSERT INTO "entity" ("id", "type", "name", "parentId", "params", "summary", "ownerId", "version")
    SELECT "id", "type", "name", "parentId", "params", "summary", $2, 1 FROM copies
    RETURNING "id"
  )
  INSERT INTO "entity_revision" ("id", "entityId", "version", "params", "savedById")
  SELECT c."revisionId", c."id", 1, c."params", $2 FROM copies c JOIN entities e ON e."id" = c."id"`;

function copyName(name: string): string {
  const suffix = " (copy)";
  const copy = name.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
  return checkEntityName(copy).ok ? copy : name;
}
