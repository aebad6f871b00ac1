import type { EntityType } from "./entity-type";

/**
 * The problems with a list of entity types, `[]` when there are none: names must be unique, and
 * every child type must be registered too. definitions/registry.ts runs it when it loads, so a
 * wrong registry fails loudly at start-up, not when a user first opens a tree.
 */
export function entityTypeProblems(types: readonly EntityType[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const type of types) {
    if (names.has(type.name)) problems.push(`Entity type "${type.name}" is registered twice.`);
    names.add(type.name);
  }
  for (const type of types) {
    for (const child of type.children) {
      if (!names.has(child)) problems.push(`Entity type "${type.name}" allows children of type "${child}", which is not registered.`);
    }
  }
  return problems;
}

/** Throws with every problem at once; see `entityTypeProblems`. */
export function checkEntityTypes(types: readonly EntityType[]): void {
  const problems = entityTypeProblems(types);
  if (problems.length > 0) throw new Error(`Invalid entity type registry:\n${problems.map((p) => `- ${p}`).join("\n")}`);
}
