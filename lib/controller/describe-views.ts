import type { Controller } from "./controller";
import type { ViewKind } from "./results";
import { isSlow } from "./views";

/** What the browser needs to know of a view to show its tab: plain JSON, no method. */
export interface ViewInfo {
  /** The name the browser and `compute` call it by. */
  readonly name: string;
  readonly label: string;
  readonly kind: ViewKind;
  readonly durationGuess: number;
  /** Runs only on its Update button (durationGuess above SLOW_VIEW_SECONDS). */
  readonly slow: boolean;
  readonly description?: string;
}

/** The views of a controller, in declaration order (the first opens first). */
export function describeViews(controller: Controller | null): ViewInfo[] {
  if (!controller) return [];
  return Object.entries(controller.views).map(([name, view]) => ({
    name,
    label: view.label,
    kind: view.kind,
    durationGuess: view.durationGuess,
    slow: isSlow(view),
    ...(view.description ? { description: view.description } : {}),
  }));
}
