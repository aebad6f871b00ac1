import type { Actor } from "./types";

/**
 * Who may do what with an entity, from the facts about it: its **members**, the owners of the
 * entity and of its ancestors and the users any of them is shared with (sharing a project shares
 * everything in it). Pure predicates; lib/entities/load-access.ts gathers the facts.
 *
 * - admins read and edit everything;
 * - reviewers read everything and edit nothing (unless also an engineer and a member);
 * - engineers read and edit the entities they are members of.
 */
export interface AccessFacts {
  readonly memberIds: readonly string[];
}

export function canRead(actor: Actor, facts: AccessFacts): boolean {
  return actor.roles.includes("admin") || actor.roles.includes("reviewer") || canEdit(actor, facts);
}

export function canEdit(actor: Actor, facts: AccessFacts): boolean {
  if (actor.roles.includes("admin")) return true;
  return actor.roles.includes("engineer") && facts.memberIds.includes(actor.id);
}

/** Whether the actor may create entities at all (at the top of the tree, or anywhere they edit). */
export function canCreate(actor: Actor): boolean {
  return actor.roles.includes("admin") || actor.roles.includes("engineer");
}
