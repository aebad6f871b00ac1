// The entity tree as the editor draws it, from the flat list lib/entities/list-tree.ts answers.
// Pure; unit-tested.
import type { EntityTypeInfo, TreeEntity } from "@/lib/entities/types";

export type TypeInfo = EntityTypeInfo;

export interface TreeModel {
  readonly roots: readonly TreeEntity[];
  readonly childrenOf: (id: string) => readonly TreeEntity[];
  readonly byId: ReadonlyMap<string, TreeEntity>;
}

export function treeModel(entities: readonly TreeEntity[]): TreeModel {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const children = new Map<string, TreeEntity[]>();
  const roots: TreeEntity[] = [];
  for (const entity of entities) {
    if (entity.parentId === null || !byId.has(entity.parentId)) roots.push(entity);
    else children.set(entity.parentId, [...(children.get(entity.parentId) ?? []), entity]);
  }
  return { roots, byId, childrenOf: (id) => children.get(id) ?? [] };
}

/** The ids of an entity and everything below it. */
export function subtreeOf(model: TreeModel, id: string): Set<string> {
  const ids = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const child of model.childrenOf(stack.pop()!)) {
      if (!ids.has(child.id)) {
        ids.add(child.id);
        stack.push(child.id);
      }
    }
  }
  return ids;
}

/** The names from the root down to the entity: "Bridge / Deck / Girder". */
export function pathName(model: TreeModel, id: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let at = model.byId.get(id); at && !seen.has(at.id); at = at.parentId ? model.byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    names.unshift(at.name);
  }
  return names.join(" / ");
}

/** The ancestors of an entity, root first (for the breadcrumb). */
export function ancestorsOf(model: TreeModel, id: string): TreeEntity[] {
  const found: TreeEntity[] = [];
  const seen = new Set<string>([id]);
  for (
    let at = model.byId.get(model.byId.get(id)?.parentId ?? "");
    at && !seen.has(at.id);
    at = at.parentId ? model.byId.get(at.parentId) : undefined
  ) {
    seen.add(at.id);
    found.unshift(at);
  }
  return found;
}

/**
 * Where an entity may be moved: every entity the user edits whose type holds its type, other than
 * itself and its own subtree (the server checks the same, under a lock), and the top of the tree
 * when its type may sit there. The current parent is left out: moving there changes nothing.
 */
export function moveTargets(model: TreeModel, types: readonly TypeInfo[], id: string): { id: string | null; label: string }[] {
  const entity = model.byId.get(id);
  if (!entity) return [];
  const typeOf = new Map(types.map((type) => [type.name, type]));
  const excluded = subtreeOf(model, id);
  const targets: { id: string | null; label: string }[] = [];
  if (typeOf.get(entity.type)?.atRoot && entity.parentId !== null) targets.push({ id: null, label: "Top level" });
  for (const candidate of model.byId.values()) {
    if (excluded.has(candidate.id) || candidate.id === entity.parentId || !candidate.canEdit) continue;
    if (!typeOf.get(candidate.type)?.children.includes(entity.type)) continue;
    targets.push({ id: candidate.id, label: pathName(model, candidate.id) });
  }
  return targets.sort((a, b) => (a.id === null ? -1 : b.id === null ? 1 : a.label.localeCompare(b.label)));
}
