import type { Controller } from "@/lib/controller";
import type { Parametrization } from "@/lib/params";

/**
 * An entity type: what an app author declares in definitions/ and lists in
 * definitions/registry.ts. Its params are typed by the parametrization; its
 * views by the controller built from that same parametrization.
 */
export interface EntityType<P extends Parametrization = Parametrization> {
  /** Stored on every entity of the type; a slug ("beam"). Never rename it once entities exist. */
  readonly name: string;
  /** Shown to people: "Steel beam". */
  readonly label: string;
  readonly description?: string;
  readonly params: P;
  /** The views (and buttons) of the type; null for a type that only holds others (a project). */
  readonly controller: Controller<P> | null;
  /** The types an entity of this type may hold as children, by name. Default: none. */
  readonly children: readonly string[];
}

export interface EntityTypeDefinition<P extends Parametrization> {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly params: P;
  readonly controller?: Controller<P>;
  readonly children?: readonly string[];
}

export function entityType<P extends Parametrization>(definition: EntityTypeDefinition<P>): EntityType<P> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`Entity type name "${definition.name}" must be a lowercase slug (a-z, 0-9, -).`);
  }
  if (definition.controller && definition.controller.params !== definition.params) {
    throw new Error(`Entity type "${definition.name}": its controller was built from another parametrization.`);
  }
  return Object.freeze({
    name: definition.name,
    label: definition.label,
    description: definition.description,
    params: definition.params,
    controller: definition.controller ?? null,
    children: Object.freeze([...(definition.children ?? [])]),
  });
}
