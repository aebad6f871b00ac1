import type { Parametrization, ParamsOf } from "@/lib/params";
import { callView, type CallOptions, type CallOutcome } from "./call-view";
import type { Controller } from "./controller";
import type { ViewResult } from "./results";
import type { View } from "./views";

/**
 * The server's dispatcher: runs one view of an entity on the given params, with
 * the checks a browser call gets (the view exists, the params are validated as
 * the browser's are), and never throws. The route handler
 * `POST /api/entities/:id/views/:view` calls it for the browser; server code
 * (a flow's job rendering a report) calls it directly:
 *
 * ```ts
 * const outcome = await compute({ ...entity, controller: beamController }, "moments", params);
 * if (outcome.ok) outcome.result.series; // typed: a PlotResult
 * ```
 */
export async function compute<C extends Controller, V extends ViewNameOf<C>>(
  entity: ComputeEntity<C>,
  view: V,
  params: ParamsInput<C>,
  options: ComputeOptions = {},
): Promise<CallOutcome<ResultOf<C, V>>> {
  const outcome = await callView(entity.controller, view, params, {
    ...options,
    entity: { id: entity.id, name: entity.name, type: entity.type },
  });
  // callView answers the result its view returned, and view V returns ResultOf<C, V>.
  return outcome as CallOutcome<ResultOf<C, V>>;
}

/** The entity a view runs for: who it is, and the controller of its type. */
export interface ComputeEntity<C extends Controller = Controller> {
  readonly id: string;
  readonly name: string;
  /** The entity type's name ("beam"). */
  readonly type: string;
  readonly controller: C;
}

export type ComputeOptions = Pick<CallOptions, "signal" | "onProgress" | "log">;

/** The names of a controller's views; `string` for a controller whose views are not known statically. */
export type ViewNameOf<C extends Controller> = Extract<keyof C["views"], string>;

/** What view V of controller C returns. */
export type ResultOf<C extends Controller, V extends string> = C["views"][V] extends View<never, infer R> ? R : ViewResult;

/**
 * The params compute accepts: typed for a controller whose parametrization is
 * known (so a typo fails to compile), anything for one looked up by name at run
 * time (the route handler), where validation is what checks them.
 */
export type ParamsInput<C extends Controller> = Parametrization extends C["params"] ? unknown : ParamsOf<C["params"]>;
