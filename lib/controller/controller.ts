import type { Parametrization, ParamsOf } from "@/lib/params";
import { walkLayout } from "@/lib/params/layout-tree";
import type { Button, ButtonResult } from "./buttons";
import { isSlow, type View } from "./views";
import type { ViewResult } from "./results";

/** A summary item: one value of a data view, stored with the entity on each save and shown in lists. */
export interface SummaryItem<ViewName extends string> {
  readonly label: string;
  /** The (fast) data view the value comes from. */
  readonly view: ViewName;
  /** The label of the data item, `Group > Item` for a nested one. */
  readonly item: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a view of any params; narrowed by `controller()`
type AnyParamsView = View<any, ViewResult>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a button of any params; narrowed by `controller()`
type AnyParamsButton = Button<any, ButtonResult<any>>;

export interface ControllerDefinition<
  P,
  Views extends Record<string, View<P, ViewResult>>,
  Buttons extends Record<string, Button<P, ButtonResult<P>>> = Record<never, never>,
> {
  /** The views, by name; the name is what the browser and `compute` call. The first one opens first. */
  readonly views: Views;
  /** The buttons, by name; each is placed in the form with `button(name)`. Default: none. */
  readonly buttons?: Buttons;
  /** Values stored with the entity on every save. Only fast data views may feed it. */
  readonly summary?: Readonly<Record<string, SummaryItem<Extract<keyof Views, string>>>>;
}

/** A controller: the views of an entity type, each a function of its params. */
export interface Controller<
  P extends Parametrization = Parametrization,
  Views extends Record<string, AnyParamsView> = Record<string, AnyParamsView>,
  Buttons extends Record<string, AnyParamsButton> = Record<string, AnyParamsButton>,
> {
  readonly params: P;
  readonly views: Views;
  readonly buttons: Buttons;
  readonly summary: Readonly<Record<string, SummaryItem<Extract<keyof Views, string>>>>;
}

export class ControllerDefinitionError extends Error {
  override name = "ControllerDefinitionError";
}

/**
 * Declares the controller of a parametrization: its views (and, later, buttons)
 * as functions of the params, typed from the parametrization. Checked at once:
 * a summary fed by a slow or missing view is refused.
 */
export function controller<
  P extends Parametrization,
  Views extends Record<string, View<ParamsOf<P>, ViewResult>>,
  Buttons extends Record<string, Button<ParamsOf<P>, ButtonResult<ParamsOf<P>>>> = Record<never, never>,
>(params: P, definition: ControllerDefinition<ParamsOf<P>, Views, Buttons>): Controller<P, Views, Buttons> {
  const summary = definition.summary ?? {};
  const buttons = (definition.buttons ?? {}) as Buttons;
  const problems: string[] = [];
  for (const { node, path } of walkLayout(params.layout)) {
    if (node.kind === "button" && !Object.hasOwn(buttons, node.button)) {
      problems.push(`the form places button "${node.button}" at ${path}, but the controller has no such button`);
    }
  }
  for (const [key, item] of Object.entries(summary)) {
    const view = definition.views[item.view];
    if (!view) problems.push(`summary "${key}" reads view "${item.view}", which is not a view of this controller`);
    else if (view.kind !== "data")
      problems.push(`summary "${key}" reads view "${item.view}", which is a ${view.kind} view, not a data view`);
    else if (isSlow(view))
      problems.push(
        `summary "${key}" reads the slow view "${item.view}" (durationGuess ${view.durationGuess} s): a slow view cannot feed the summary`,
      );
  }
  if (problems.length) throw new ControllerDefinitionError(`Invalid controller:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  return Object.freeze({ params, views: definition.views, buttons, summary });
}
