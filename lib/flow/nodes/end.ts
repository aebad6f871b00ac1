import type { NodeOptions } from "../options";
import { frozen } from "./step";

/** Finishes the process; tasks still open on other branches are canceled. */
export interface EndNode<D> extends NodeOptions<D> {
  readonly kind: "end";
  readonly edges: readonly [];
}

export function end<D>(options: NodeOptions<D> = {}): EndNode<D> {
  return frozen({ ...options, kind: "end", edges: Object.freeze([] as const) });
}
