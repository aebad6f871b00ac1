import { installed } from "@/lib/installation/install";
import type { EntityTypeInfo } from "./types";

/** The installed entity types as the browser's tree needs them. */
export function listEntityTypes(): EntityTypeInfo[] {
  const { entityTypes, childTypesOf } = installed();
  return entityTypes.map((type) => ({
    name: type.name,
    label: type.label,
    children: [...childTypesOf(type.name)],
    atRoot: type.placement.atRoot,
    fromFiles: type.fromFiles.map(({ label, accept }) => ({ label, accept: [...accept] })),
  }));
}
