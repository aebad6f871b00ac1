import type { EntityType } from "@/lib/installation/entity-type";

/** Where an entity would go: under `parent`, or at the top of the tree (`parent: null`). */
export interface Placement {
  /** The entity's type. */
  readonly type: EntityType;
  /** The entity being moved; null when creating or duplicating (a new entity cannot be its own ancestor). */
  readonly entityId: string | null;
  readonly parent: { readonly id: string; readonly type: EntityType | null; readonly ancestorIds: readonly string[] } | null;
}

/**
 * Why an entity may not be placed there, or null when it may: the entity's type must allow the
 * top of the tree, or the parent's type (its `placement`), and a move must not put an entity
 * under itself or one of its descendants (the tree would become a cycle, cut off from any root).
 * `parent.ancestorIds` lists the parent's ancestors, nearest first.
 */
export function placementProblem({ type, entityId, parent }: Placement): string | null {
  if (!parent) {
    if (type.placement.atRoot) return null;
    return `A ${type.label} cannot sit at the top of the tree; put it in a ${type.placement.under.join(" or ")}.`;
  }
  if (entityId !== null && (parent.id === entityId || parent.ancestorIds.includes(entityId))) {
    return "An entity cannot be moved into itself or into one of the entities it holds.";
  }
  if (!parent.type) return "The target's entity type is no longer installed; it cannot hold entities.";
  if (!type.placement.under.includes(parent.type.name)) {
    return `A ${parent.type.label} cannot hold a ${type.label}.`;
  }
  return null;
}
