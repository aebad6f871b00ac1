import { can } from "@/lib/auth/permissions";
import type { Actor } from "./types";

/**
 * Who may do what with an entity, from the facts about it: its **members**, the owners of the
 * entity and of its ancestors and the users any of them is shared with (sharing a project shares
 * everything in it). Pure predicates over the permission table (lib/auth/permissions.ts);
 * lib/entities/load-access.ts gathers the facts.
 */
export interface AccessFacts {
  readonly memberIds: readonly string[];
}

export function canRead(actor: Actor, facts: AccessFacts): boolean {
  return can(actor, "entity.read.any") || canEdit(actor, facts);
}

export function canEdit(actor: Actor, facts: AccessFacts): boolean {
  if (can(actor, "entity.edit.any")) return true;
  return can(actor, "entity.edit.member") && facts.memberIds.includes(actor.id);
}

/** Whether the actor may create entities at all (at the top of the tree, or anywhere they edit). */
export function canCreate(actor: Actor): boolean {
  return can(actor, "entity.create");
}
