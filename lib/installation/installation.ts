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
  /**
   * The file that default-exports this installation, as a path from the project root
   * ("definitions/index.ts"). The worker threads that run controller code load the installation
   * from it, once each (lib/controller/call-threads.ts). Without it, views and buttons run on the
   * event loop of the process that installed it, with no time or memory limit: only tests of
   * types declared inline do that.
   */
  readonly module: string | null;
}

/** Declares an installation; `install` checks it. */
export function installation<const Types extends readonly EntityType[]>(definition: {
  readonly entityTypes: Types;
  readonly flows?: readonly AnyFlow[];
  /** This file's path from the project root, so worker threads can load it (Installation.module). Default: none. */
  readonly module?: string;
}): Installation<Types> {
  return Object.freeze({ entityTypes: definition.entityTypes, flows: definition.flows ?? [], module: definition.module ?? null });
}
