import type { AnyFlow } from "./flow";
import type { EmptyForm, FormSchema } from "./form";
import type { NodeOptions } from "./options";
import { end, type EndNode, type EndOptions } from "./nodes/end";
import { handle, type HandleNode, type HandleOptions, type HandleStep } from "./nodes/handle";
import { handler, type HandlerFunction, type HandlerNode, type HandlerStep } from "./nodes/handler";
import { ifNode, type Condition, type IfNode, type IfStep } from "./nodes/if";
import { job, type JobFunction, type JobNode, type JobOptions, type JobStep } from "./nodes/job";
import { join, type JoinNode, type JoinOptions, type JoinStep } from "./nodes/join";
import { split, splitFirst, type SplitFirstNode, type SplitNode, type SplitStep } from "./nodes/split";
import {
  start,
  startHandle,
  type StartHandleNode,
  type StartHandleOptions,
  type StartHandleStep,
  type StartNode,
  type StartOptions,
  type StartStep,
} from "./nodes/start";
import {
  subprocess,
  subprocesses,
  type SubprocessesOptions,
  type SubprocessNode,
  type SubprocessOptions,
  type SubprocessStep,
} from "./nodes/subprocess";
import { switchNode, type SwitchNode, type SwitchStep } from "./nodes/switch";
import { view, type ViewNode, type ViewOptions, type ViewStep } from "./nodes/view";

/**
 * The node builders a flow's `nodes` function receives, typed by its process data `D` (the schema's
 * output) and `I` (its input). Each builder is immutable: every step returns a new value.
 */
export interface NodeBuilders<D, I = D> {
  /** A person starts the process with a form. */
  readonly start: <F extends FormSchema = EmptyForm>(options: StartOptions<I, F>) => StartStep<I, F>;
  /** Code starts the process with its initial data (e.g. when an entity is saved). */
  readonly startHandle: (options?: StartHandleOptions) => StartHandleStep;
  /** A person does a task with a form. */
  readonly view: <F extends FormSchema = EmptyForm>(options: ViewOptions<D, F>) => ViewStep<D, F>;
  /** Code run in the process's transaction; returns a patch. */
  readonly handler: (run: HandlerFunction<D>, options?: NodeOptions<D>) => HandlerStep<D>;
  /** Waits for code or an outside system to signal it (`signalTask`; a webhook with the task's token). */
  readonly handle: <F extends FormSchema = EmptyForm>(options?: HandleOptions<D, F>) => HandleStep<D, F>;
  /** Code run by the job queue with retries; returns a patch when it ends. */
  readonly job: (run: JobFunction<D>, options?: JobOptions<D>) => JobStep<D>;
  /** Goes one of two ways. */
  readonly ifNode: (condition: Condition<D>, options?: NodeOptions<D>) => IfStep<D>;
  /** Goes to the first case that holds, else to the default. */
  readonly switchNode: (options?: NodeOptions<D>) => SwitchStep<D>;
  /** Opens parallel branches. */
  readonly split: (options?: NodeOptions<D>) => SplitStep<D>;
  /** Opens parallel branches; the first task done on one cancels the others. */
  readonly splitFirst: (options?: NodeOptions<D>) => SplitStep<D, "splitFirst">;
  /** Waits for the branches its split opened, or goes on early when `continueWhen` holds. */
  readonly join: (options?: JoinOptions<D>) => JoinStep<D>;
  /** Runs another flow's process and goes on when it is done. */
  readonly subprocess: <C extends AnyFlow>(child: C, options: SubprocessOptions<D, C>) => SubprocessStep<D>;
  /** Runs one process of another flow per item, and goes on when they are done. */
  readonly subprocesses: <C extends AnyFlow, Item>(child: C, options: SubprocessesOptions<D, C, Item>) => SubprocessStep<D>;
  /** Finishes the process. */
  readonly end: (options?: EndOptions<D>) => EndNode<D>;
}

/** One set of builders serves every flow: the process data type only exists for the compiler. */
export const nodeBuilders = Object.freeze({
  start,
  startHandle,
  view,
  handler,
  handle,
  job,
  ifNode,
  switchNode,
  split,
  splitFirst,
  join,
  subprocess,
  subprocesses,
  end,
});

/**
 * `any` erases a flow's process data so the runtime can hold nodes of every flow in one type.
 * `unknown` would not do: callbacks take the data as a parameter, and `(data: { a: string }) => …`
 * is no `(data: unknown) => …`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErasedData = any;

/** A node of any flow, as built (before `flow()` gives it its name). */
export type AnyNodeDefinition =
  | StartNode<ErasedData>
  | StartHandleNode
  | ViewNode<ErasedData>
  | HandlerNode<ErasedData>
  | HandleNode<ErasedData>
  | JobNode<ErasedData>
  | IfNode<ErasedData>
  | SwitchNode<ErasedData>
  | SplitNode<ErasedData>
  | SplitFirstNode<ErasedData>
  | JoinNode<ErasedData>
  | SubprocessNode<ErasedData>
  | EndNode<ErasedData>;

/** A node of a flow, with its name. */
export type AnyNode = AnyNodeDefinition & { readonly name: string };

/** The names a node's edges point to. */
export type TargetsOf<Node> = Node extends { readonly edges: readonly (infer E)[] }
  ? E extends { readonly to: infer T extends string }
    ? T
    : never
  : never;
