import type { NodeOptions } from "../options";
import { frozen } from "./step";

/**
 * What an end does with tasks still open on other branches:
 * - `"cancel"` (Viewflow's TerminateEnd): they are canceled, and the process is done at once;
 * - `"wait"` (Viewflow's End): they go on, and the process is done when the last of them reaches
 *   an end (or nothing is left open).
 */
export type EndOthers = "cancel" | "wait";

export interface EndOptions<D> extends NodeOptions<D> {
  /** What happens to tasks open on other branches. Default: `"cancel"`. */
  readonly others?: EndOthers;
}

/** Finishes the process; tasks still open on other branches are canceled, or waited for. */
export interface EndNode<D> extends NodeOptions<D> {
  readonly kind: "end";
  readonly others: EndOthers;
  readonly edges: readonly [];
}

export function end<D>(options: EndOptions<D> = {}): EndNode<D> {
  return frozen({ ...options, kind: "end", others: options.others ?? "cancel", edges: Object.freeze([] as const) });
}
