import { loadFlows, type FlowRegistry } from "@/lib/flow/runtime/registry";
import type { EntityType } from "./entity-type";
import type { Installation } from "./installation";

/** The installation a process serves, checked and indexed: what the platform asks about types and flows. */
export interface Installed {
  readonly entityTypes: readonly EntityType[];
  /** The installed type of this name, or null (a stored name whose type was removed). */
  entityType(name: string): EntityType | null;
  /** The types that may sit at the top of the tree. */
  readonly rootTypes: readonly EntityType[];
  /** The names of the types an entity of type `name` may hold. */
  childTypesOf(name: string): readonly string[];
  readonly flows: FlowRegistry;
  /** Where worker threads load this installation from (Installation.module); null: calls run on the event loop. */
  readonly module: string | null;
}

// On globalThis, like the pool: one per process, whichever bundle of Next's asks.
const globalForInstalled = globalThis as unknown as { gussetInstalled?: Installed };

/**
 * Checks an installation (unique type names, placements naming installed types, every flow by
 * checkFlow) and makes it the one this process serves. Throws with every problem at once, so a
 * wrong definition fails at start-up, not when a user first opens a tree.
 */
export function install(installation: Installation): Installed {
  const problems = installationProblems(installation.entityTypes);
  if (problems.length > 0) throw new Error(`Invalid installation:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  const byName = new Map(installation.entityTypes.map((type) => [type.name, type]));
  const children = new Map<string, string[]>();
  for (const type of installation.entityTypes) {
    for (const parent of type.placement.under) children.set(parent, [...(children.get(parent) ?? []), type.name]);
  }
  const installed: Installed = {
    entityTypes: installation.entityTypes,
    entityType: (name) => byName.get(name) ?? null,
    rootTypes: installation.entityTypes.filter((type) => type.placement.atRoot),
    childTypesOf: (name) => children.get(name) ?? [],
    flows: loadFlows(installation.flows),
    module: installation.module ?? null,
  };
  globalForInstalled.gussetInstalled = installed;
  return installed;
}

/** The installation `install` made current. */
export function installed(): Installed {
  const current = globalForInstalled.gussetInstalled;
  if (!current)
    throw new Error(
      "No installation: the process's entry point must call install(installation) first (docs/architecture.md, Installation).",
    );
  return current;
}

/** The problems with a list of entity types, `[]` when there are none. */
export function installationProblems(types: readonly EntityType[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const type of types) {
    if (names.has(type.name)) problems.push(`Entity type "${type.name}" is installed twice.`);
    names.add(type.name);
  }
  for (const type of types) {
    for (const parent of type.placement.under) {
      if (!names.has(parent)) problems.push(`Entity type "${type.name}" may be created under "${parent}", which is not installed.`);
    }
    if (!type.placement.atRoot && type.placement.under.length === 0) {
      problems.push(`Entity type "${type.name}" may be created nowhere: give it placement.atRoot or placement.under.`);
    }
  }
  return problems;
}
