/**
 * A type whose fast and slow views both throw a bug, for the one-path test: its worker threads load
 * it from this file (`module`), so the route's, the worker's and compute()'s calls run in threads.
 */
import { controller, dataView } from "@/lib/controller";
import { entityType, installation } from "@/lib/installation";
import { number, parametrization } from "@/lib/params";

const params = parametrization({ span: number("Span", { min: 1, max: 30, default: 6 }) });

export const brokenController = controller(params, {
  views: {
    fast: dataView("Fast", () => {
      throw new Error("fast view bug");
    }),
    slow: dataView("Slow", { durationGuess: 10 }, () => {
      throw new Error("slow view bug");
    }),
  },
});

export default installation({
  entityTypes: [entityType({ name: "probe", label: "Probe", params, controller: brokenController })],
  module: "lib/controller/test-support/probe-installation.ts",
});
