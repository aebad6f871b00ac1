// The one list of entity types (and flows) this install serves. Server code imports it; the
// browser imports definitions/params-registry.ts instead, which holds only the parametrizations.
import type { EntityType } from "@/lib/entities/entity-type";
import { checkEntityTypes } from "@/lib/entities/check-entity-types";
import { beam } from "./beam/beam";
import { cube } from "./cube/cube";
import { project } from "./project";
import { changeRequest } from "./flows/change-request";
import { designReview } from "./flows/design-review";
import { helloWorld } from "./flows/hello-world";

export const entityTypes = [project, beam, cube] as const;

/** The name of a registered entity type: "project" | "beam" | "cube". */
export type EntityTypeName = (typeof entityTypes)[number]["name"];

checkEntityTypes(entityTypes);

const byName = new Map<string, EntityType>(entityTypes.map((type) => [type.name, type as unknown as EntityType]));

/** The registered entity type of this name, or null (a stored name whose type was removed). */
export function entityTypeNamed(name: string): EntityType | null {
  return byName.get(name) ?? null;
}

/** The entity types that may be created at the top of the tree, outside any parent. */
export const rootEntityTypes: readonly EntityType[] = [byName.get("project")!];

// ─── Flows (lib/flow) ────────────────────────────────────────────────────────
// Checked at startup by the launcher and the worker: lib/flow/runtime's loadFlows(flows).

export const flows = [helloWorld, designReview, changeRequest] as const;
