import type { AnyFlow } from "@/lib/flow";
import type { EntityType } from "./entity-type";

/**
 * What an install of Gusset serves: its entity types and its flows, as definitions/index.ts
 * declares them. The platform never imports definitions/: each process hands this to `install`
 * at its entry point (app/platform.ts for Next, scripts/worker.ts, scripts/start.ts, the tests).
 */
export interface Installation<Types extends readonly EntityType[] = readonly EntityType[]> {
  readonly entityTypes: Types;
  readonly flows: readonly AnyFlow[];
}

/** Declares an installation; `install` checks it. */
export function installation<const Types extends readonly EntityType[]>(definition: {
  readonly entityTypes: Types;
  readonly flows?: readonly AnyFlow[];
}): Installation<Types> {
  return Object.freeze({ entityTypes: definition.entityTypes, flows: definition.flows ?? [] });
}
