import type { Parametrization, ParamsOf } from "@/lib/params";
import type { Button, ButtonResult } from "./buttons";
import { callButton } from "./call-button";
import { callView, type CallOptions, type CallOutcome } from "./call-view";
import type { Controller } from "./controller";
import type { ViewResult } from "./results";
import type { View } from "./views";

/**
 * The server's dispatcher: runs one view or button of an entity on the given
 * params, with the checks a browser call gets (it exists, the params are
 * validated as the browser's are, a disabled button says why), and never throws. The route handler
 * `POST /api/entities/:id/views/:view` calls it for the browser; server code
 * (a flow's job rendering a report) calls it directly:
 *
 * ```ts
 * const outcome = await compute({ ...entity, controller: beamController }, "moments", params);
 * if (outcome.ok) outcome.result.series; // typed: a PlotResult
 * ```
 */
export async function compute<C extends Controller, N extends ViewNameOf<C> | ButtonNameOf<C>>(
  entity: ComputeEntity<C>,
  name: N,
  params: ParamsInput<C>,
  options: ComputeOptions = {},
): Promise<CallOutcome<ResultOf<C, N>>> {
  const call = { ...options, entity: { id: entity.id, name: entity.name, type: entity.type } };
  const { views, buttons } = entity.controller;
  if (!Object.hasOwn(views, name) && Object.hasOwn(buttons, name)) {
    return (await callButton(entity.controller, name, params, call)) as CallOutcome<ResultOf<C, N>>;
  }
  if (!Object.hasOwn(views, name)) return { ok: false, failure: { kind: "not_found", message: `There is no view or button "${name}".` } };
  // callView answers the result its view returned, and view N returns ResultOf<C, N>.
  return (await callView(entity.controller, name, params, call)) as CallOutcome<ResultOf<C, N>>;
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

/** The names of a controller's buttons. */
export type ButtonNameOf<C extends Controller> = Extract<keyof C["buttons"], string>;

/** What view or button N of controller C returns (a view's name wins, as in `compute`). */
export type ResultOf<C extends Controller, N extends string> = N extends keyof C["views"]
  ? C["views"][N] extends View<never, infer R>
    ? R
    : ViewResult
  : N extends keyof C["buttons"]
    ? C["buttons"][N] extends Button<never, infer R>
      ? R
      : ButtonResult
    : never;

/**
 * The params compute accepts: typed for a controller whose parametrization is
 * known (so a typo fails to compile), anything for one looked up by name at run
 * time (the route handler), where validation is what checks them.
 */
export type ParamsInput<C extends Controller> = Parametrization extends C["params"] ? unknown : ParamsOf<C["params"]>;
