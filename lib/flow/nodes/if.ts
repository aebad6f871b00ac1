import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete } from "../types";
import { frozen } from "./step";

/** Read-only: a gateway decides from the process data and changes nothing. */
export type Condition<D> = (ctx: FlowContext<D>) => boolean;

/** Goes to `then` when the condition holds, to `else` otherwise. */
export interface IfNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "if";
  condition(ctx: FlowContext<D>): boolean;
  readonly edges: readonly [Edge<T, "then">, Edge<T, "else">];
}

export interface IfStep<D> extends Incomplete<"add .then(target).else(target)"> {
  /** The node to go to when the condition holds. */
  then<T extends string>(to: T): IfThenStep<D, T>;
}

export interface IfThenStep<D, T extends string> extends Incomplete<"add .else(target)"> {
  /** The node to go to when the condition does not hold. */
  else<E extends string>(to: E): IfNode<D, T | E>;
}

export function ifNode<D>(condition: Condition<D>, options: NodeOptions<D> = {}): IfStep<D> {
  const fields = { ...options, kind: "if", condition };
  return frozen({
    ...fields,
    edges: Object.freeze([]),
    then: (then: string) =>
      frozen({
        ...fields,
        edges: Object.freeze([{ kind: "then", to: then }]),
        else: (otherwise: string) =>
          frozen({
            ...fields,
            edges: Object.freeze([
              { kind: "then", to: then },
              { kind: "else", to: otherwise },
            ]),
          }),
      }),
  });
}
