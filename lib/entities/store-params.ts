import { fieldsOf, refuse, succeed, summarizeFields } from "@/lib/result";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { keepIgnoredValues, validateParams, withDefaults } from "@/lib/params";
import { foreignFileRefs } from "@/lib/files/check-file-refs";
import { computeSummary } from "./compute-summary";
import type { EntityType } from "@/lib/installation/entity-type";
import { asJson } from "./json";
import type { Actor, EntityResult } from "./types";

export interface Stored {
  readonly version: number;
  readonly savedAt: string;
}

/**
 * @internal Saves params as the next version, if the entity is still at `expectedVersion`: the one
 * write path of save-params.ts and restore-revision.ts. The caller checked access.
 *
 * Optimistic concurrency: one transaction runs `UPDATE entity … SET version = version + 1 WHERE id
 * = $id AND version = $expected`, then inserts the revision. A second saver that started from the
 * same version waits on the row lock of the first, then matches no row (PostgreSQL re-checks the
 * WHERE on the row the first committed) and gets a conflict naming who saved last and what, so
 * the form can show the difference. No save overwrites another unseen.
 */
export async function storeParams(
  actor: Actor,
  input: { id: string; name: string; type: EntityType; params: unknown; expectedVersion: number; restoredFrom: number | null },
): Promise<EntityResult<Stored>> {
  const { id, type, expectedVersion } = input;
  const valid = validateParams(type.params, input.params, { source: "browser" });
  if (!valid.ok) {
    return refuse("invalid_input", summarizeFields(valid.errors), fieldsOf(valid.errors));
  }
  const foreign = await foreignFileRefs(actor, id, valid.params);
  if (foreign.length) return refuse("invalid_input", foreign[0]!.message, foreign);
  const summary = await computeSummary(type, { id, name: input.name }, valid.params);

  const outcome = await db.$transaction(async (tx) => {
    const current = await tx.entity.findUnique({ where: { id }, select: { params: true } });
    if (!current) return "gone" as const;
    const params = asJson(keepIgnoredValues(type.params, current.params, valid.params as Record<string, unknown>));
    const { count } = await tx.entity.updateMany({
      where: { id, version: expectedVersion },
      data: { params, summary: asJson(summary), version: { increment: 1 } },
    });
    if (count === 0) return "conflict" as const;
    const revision = await tx.entityRevision.create({
      data: { id: randomUUID(), entityId: id, version: expectedVersion + 1, params, savedById: actor.id, restoredFrom: input.restoredFrom },
      select: { version: true, savedAt: true },
    });
    return revision;
  });

  if (outcome === "gone") return refuse("not_found", DELETED_SINCE);
  if (outcome !== "conflict") return succeed({ version: outcome.version, savedAt: outcome.savedAt.toISOString() });

  const latest = await db.entityRevision.findFirst({
    where: { entityId: id },
    orderBy: { version: "desc" },
    select: { version: true, params: true, savedAt: true, savedBy: { select: { id: true, name: true } } },
  });
  if (!latest) return refuse("not_found", DELETED_SINCE);
  const who = latest.savedBy.id === actor.id ? `${latest.savedBy.name} (you, in another window)` : latest.savedBy.name;
  return {
    ok: false,
    failure: {
      code: "conflict",
      fields: [],
      message: `Changed by ${who} since you opened it: version ${latest.version} is saved, and you started from version ${expectedVersion}.`,
      version: latest.version,
      savedBy: latest.savedBy,
      savedAt: latest.savedAt.toISOString(),
      params: withDefaults(type.params, latest.params),
    },
  };
}

const DELETED_SINCE = "This entity was deleted since you opened it.";
