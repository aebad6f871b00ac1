// What this install of Gusset serves. Each process's entry point hands it to the platform:
// app/platform.ts (Next), scripts/worker.ts, scripts/start.ts, and the tests (test/install.ts).
import { installation } from "@/lib/installation";
import * as entityTypes from "./entity-types";
import * as flows from "./flows";

// `module` names this file: the worker threads that run views and buttons load it from there.
const shipped = installation({ entityTypes: Object.values(entityTypes), flows: Object.values(flows), module: "definitions/index.ts" });

/** The name of a shipped entity type: "beam" | "cube" | "project". */
export type EntityTypeName = keyof typeof entityTypes;

export default shipped;
