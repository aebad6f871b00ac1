import { isLong, type ButtonKind } from "./buttons";
import type { Controller } from "./controller";

/** What the browser knows of a button: serialisable, no functions. */
export interface ButtonInfo {
  readonly label: string;
  readonly kind: ButtonKind;
  /** Shows progress and Cancel (durationGuess above 3 s). */
  readonly long: boolean;
  /** Has a `disabled` rule: the browser asks the server for the reason as the params change. */
  readonly mayBeDisabled: boolean;
}

/** The buttons of a controller as the browser's form needs them (the editor page sends them). */
export function describeButtons(controller: Controller): Record<string, ButtonInfo> {
  return Object.fromEntries(
    Object.entries(controller.buttons).map(([name, button]) => [
      name,
      { label: button.label, kind: button.kind, long: isLong(button), mayBeDisabled: button.disabled !== undefined },
    ]),
  );
}
