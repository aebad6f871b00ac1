import type { NodeOptions } from "../options";
import type { Edge, FlowContext, Incomplete } from "../types";
import type { Condition } from "./if";
import { frozen } from "./step";

export interface CaseEdge<D, T extends string = string> extends Edge<T, "case"> {
  when(ctx: FlowContext<D>): boolean;
}

/** Goes to the first case whose condition holds, in the order written, else to the default. */
export interface SwitchNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "switch";
  /** The cases in order, then the default. */
  readonly edges: readonly (CaseEdge<D, T> | Edge<T, "default">)[];
}

export interface SwitchStep<D> extends Incomplete<"add .case(target, condition) and .default(target)"> {
  /** Go to `to` when `when` holds and no case before it did. */
  case<T extends string>(to: T, when: Condition<D>): SwitchCasesStep<D, T>;
}

export interface SwitchCasesStep<D, T extends string> extends Incomplete<"add .default(target)"> {
  /** Go to `to` when `when` holds and no case before it did. */
  case<U extends string>(to: U, when: Condition<D>): SwitchCasesStep<D, T | U>;
  /** Go to `to` when no case holds. Required, so a switch always goes somewhere. */
  default<U extends string>(to: U): SwitchNode<D, T | U>;
}

export function switchNode<D>(options: NodeOptions<D> = {}): SwitchStep<D> {
  return casesStep({ ...options, kind: "switch" }, []);
}

function casesStep<Step>(fields: object, cases: readonly CaseEdge<unknown>[]): Step {
  return frozen<Step>({
    ...fields,
    edges: Object.freeze(cases),
    case: (to: string, when: Condition<unknown>) => casesStep(fields, [...cases, Object.freeze({ kind: "case", to, when })]),
    default: (to: string) => frozen({ ...fields, edges: Object.freeze([...cases, Object.freeze({ kind: "default", to })]) }),
  });
}
