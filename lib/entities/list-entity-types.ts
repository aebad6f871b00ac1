import { entityTypes, rootEntityTypes } from "@/definitions/registry";
import type { EntityTypeInfo } from "./types";

/** The registered entity types as the browser's tree needs them. */
export function listEntityTypes(): EntityTypeInfo[] {
  return entityTypes.map((type) => ({
    name: type.name,
    label: type.label,
    children: [...type.children],
    atRoot: rootEntityTypes.some((root) => root.name === type.name),
    fromFiles: type.fromFiles.map(({ label, accept }) => ({ label, accept: [...accept] })),
  }));
}
