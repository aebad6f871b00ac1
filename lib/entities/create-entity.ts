import { refuse, succeed } from "@/lib/result";
import { randomUUID } from "node:crypto";
import { installed } from "@/lib/installation/install";
import { db } from "@/lib/db/client";
import { foreignFileRefs } from "@/lib/files/check-file-refs";
import { validateParams, withDefaults } from "@/lib/params";
import { canCreate, canEdit, canRead } from "./access";
import { computeSummary } from "./compute-summary";
import { checkEntityName } from "./entity-name";
import { asJson } from "./json";
import { loadEntityAccess } from "./load-access";
import { placementProblem } from "./placement";
import { NOT_FOUND, READ_ONLY, type Actor, type EntityResult } from "./types";

/**
 * Creates an entity of a registered type with its default params (or `params`, already validated
 * against the type, e.g. read from a file by create-entity-from-file.ts), under `parentId` (which the
 * actor must edit, and whose type must allow this one) or at the top of the tree. The actor owns
 * it; version 1 is its first revision.
 */
export async function createEntity(
  actor: Actor,
  input: { type: string; name: string; parentId: string | null; params?: unknown },
): Promise<EntityResult<{ id: string }>> {
  if (!canCreate(actor)) return refuse("forbidden", "Only engineers and admins create entities.");
  const type = installed().entityType(input.type);
  if (!type) return refuse("refused", `There is no entity type "${input.type}".`);
  const name = checkEntityName(input.name);
  if (!name.ok) return refuse("refused", name.message);

  let parent = null;
  if (input.parentId !== null) {
    const access = await loadEntityAccess(actor, input.parentId);
    if (!access || !canRead(actor, access)) return NOT_FOUND;
    if (!canEdit(actor, access)) return READ_ONLY;
    parent = { id: access.id, type: installed().entityType(access.type), ancestorIds: access.ancestorIds };
  }
  const problem = placementProblem({ type, entityId: null, parent });
  if (problem) return refuse("refused", problem);

  const params = input.params === undefined ? withDefaults(type.params, {}) : input.params;
  const foreign = await foreignFileRefs(actor, null, params);
  if (foreign.length) return refuse("invalid_input", `${foreign[0]!.path}: ${foreign[0]!.message}`, foreign);
  const valid = validateParams(type.params, params, { source: "browser" });
  const id = randomUUID();
  const summary = valid.ok ? await computeSummary(type, { id, name: name.name }, valid.params) : {};
  await db.entity.create({
    data: {
      id,
      type: type.name,
      name: name.name,
      parentId: input.parentId,
      params: asJson(params),
      summary: asJson(summary),
      ownerId: actor.id,
      version: 1,
      revisions: { create: { id: randomUUID(), version: 1, params: asJson(params), savedById: actor.id } },
    },
  });
  return succeed({ id });
}
