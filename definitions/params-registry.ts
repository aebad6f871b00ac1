// The parametrizations of the registered entity types, by type name, for the browser's form. The
// form imports this instead of definitions/registry.ts so that controllers (solvers, view code)
// stay out of the client bundle. registry.test.ts holds the two lists to the same types.
import type { Parametrization } from "@/lib/params";
import { beamParams } from "./beam/params";
import { cubeParams } from "./cube/cube";
import { projectParams } from "./project";

const paramsByType: Readonly<Record<string, Parametrization>> = {
  project: projectParams,
  beam: beamParams,
  cube: cubeParams,
};

/** The parametrization of an entity type, or null for a type this install no longer ships. */
export function parametrizationOf(typeName: string): Parametrization | null {
  return Object.hasOwn(paramsByType, typeName) ? paramsByType[typeName]! : null;
}
