import type { Parametrization, ParamsOf } from "@/lib/params";
import type { Result } from "@/lib/result";
import type { Button, ButtonResult } from "./buttons";
import type { Controller } from "./controller";
import { dispatchCall, type CallEntity } from "./dispatch-call";
import type { CallOptions } from "./run-call";
import type { ViewResult } from "./results";
import type { View } from "./views";

/**
 * Server code's way to run one view or button of an entity on the given params (a flow's job
 * rendering a report), typed by the controller: the same dispatcher, with the checks a browser
 * call gets (it exists, the params are validated as the browser's are, a disabled button says
 * why), run here whatever its duration, and never throws.
 *
 * ```ts
 * const outcome = await compute({ ...entity, controller: beamController }, "moments", params);
 * if (outcome.ok) outcome.value.series; // typed: a PlotResult
 * ```
 */
export async function compute<C extends Controller, N extends ViewNameOf<C> | ButtonNameOf<C>>(
  entity: ComputeEntity<C>,
  name: N,
  params: ParamsInput<C>,
  options: ComputeOptions = {},
): Promise<Result<ResultOf<C, N>>> {
  const { views, buttons } = entity.controller;
  const kind = !Object.hasOwn(views, name) && Object.hasOwn(buttons, name) ? "button" : "view";
  const target = { entity: { id: entity.id, name: entity.name, type: entity.type }, controller: entity.controller };
  // The dispatcher answers what view or button N returns, which is ResultOf<C, N>.
  return (await dispatchCall(target, { kind, name, params }, options)) as Result<ResultOf<C, N>>;
}

/** The entity a view runs for: who it is, and the controller of its type. */
export interface ComputeEntity<C extends Controller = Controller> extends CallEntity {
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
