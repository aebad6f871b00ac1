/**
 * The flow DSL: what authors import to declare a flow, and what the runtime reads back.
 *
 * A flow is frozen data: `flow.nodes[name]` has its `name`, `kind`, options and `edges` (`{ kind, to }`;
 * case and branch edges carry their condition). Builders fill the defaults only they know (a view's
 * form and merge, a job's retries and backoff); `titleOf`, `assigneeOf`, `dueAt`, `priorityOf` and
 * `isPermitted` resolve the rest against a task. A process stores the flow's name and version, a
 * task its node's name: `nodeOf` finds the node, or an obsolete node once the flow has dropped it.
 * Statuses change only through `transition` / `processTransition`; `nextNodes` picks where to go;
 * `checkFlow` runs on every flow at startup.
 *
 * What an activation needs from each kind, inside the transaction that locks the process row:
 *
 * - start: `permission` for the user; `form` parses the input; `merge({ form, user })` gives the
 *   initial data, parsed by the process schema. Process and start task are created, the task is
 *   activated and completed, and the nodes after it run.
 * - startHandle: code passes the initial data and the user it acts for; then as start.
 * - view: created new; `assign` offers it to a role's queue or assigns it; title, description, due
 *   time and priority are stored on the row; `onCreate` runs last. Claiming and doing it need the
 *   assignment and `permission`. Completing parses the input with `form` (errors go back to the form,
 *   field by field), applies `merge`'s patch, parses the data again and runs the synchronous nodes
 *   after it: if any throws, all rolls back and the task stays the user's.
 * - handler: `run` returns a patch, merged and parsed before the next nodes run.
 * - handle: created new; waits for `signalTask` (code) or `signalTaskWithToken` (a webhook with the
 *   task's token, handed to `onCreate`); `input` parses the signal, `merge` patches, then as a handler.
 * - job: scheduled, and its queue job enqueued, in the transaction that creates it. The worker runs
 *   `run` outside the lock on a snapshot, then locks, merges the patch, completes the task and runs
 *   the next nodes; a node after it that throws is saved in error. A failed attempt goes where
 *   `afterFailedAttempt` says: rescheduled after the backoff, or failed into the error queue.
 * - if, switch, split: `nextNodes` evaluates the conditions; a split gives each opened branch a
 *   token, which its tasks carry to the join.
 * - splitFirst: opens its branches like a split and stays started; the first task completed on a
 *   branch wins: the other branches' open tasks are canceled and the first split completes.
 * - join: one task per split, made by the first arrival and decided only once no other node is
 *   left to run; `joinState` says go on once nothing is open on its branches (a canceled branch
 *   counts as done; a task in error holds it); `continueWhen` goes on earlier, canceling the rest.
 * - subprocess: starts a process of `flow` at its start handle `start` with `data(ctx)`; when that
 *   process is done, `merge` gives the patch and the task completes. A canceled child fails it.
 *   With `items` (the `subprocesses` builder): one child per item; it completes when every child
 *   not canceled is done, or when `continueWhen` holds (the running ones are canceled).
 * - end: `others: "cancel"` cancels the process's other open tasks, completes, and finishes the
 *   process; `others: "wait"` completes, and finishes the process only when nothing else is open.
 * Every callback's context has `history`, the process's tasks so far (loaded only when read).
 * - obsolete: shown in histories; an admin may cancel it while it is open.
 */
export { flow } from "./flow";
export type { AnyFlow, CheckNodes, Flow, FlowConfig, NamedNodes, ProcessData } from "./flow";
export type { AnyNode, AnyNodeDefinition, NodeBuilders, TargetsOf } from "./node";
export { ANYONE, assigneeOf, dueAt, holds, isPermitted, priorityOf, processHistory, role } from "./options";
export type { Assignee, Assignment, Due, HumanTaskOptions, NamedPermission, NodeOptions, Permission, Priority, TaskText } from "./options";
export { emptyForm } from "./form";
export type { EmptyForm, FormSchema } from "./form";
export { addDuration, durationMs } from "./duration";
export { afterFailedAttempt, DEFAULT_JOB_BACKOFF, DEFAULT_JOB_RETRIES, retryDelayMs } from "./nodes/job";
export type { Backoff, JobCompute, JobContext, JobFaults, JobFunction, JobNode, JobOptions, JobStorage, StoredFile } from "./nodes/job";
export type { StartContext, StartHandleNode, StartHandleOptions, StartNode, StartOptions } from "./nodes/start";
export type { CompleteContext, ViewNode, ViewOptions } from "./nodes/view";
export type { HandleNode, HandleOptions, SignalAddress, SignalContext } from "./nodes/handle";
export type { HandlerFunction, HandlerNode } from "./nodes/handler";
export type { Condition, IfNode } from "./nodes/if";
export type { CaseEdge, SwitchNode } from "./nodes/switch";
export type { BranchEdge, SplitFirstNode, SplitNode } from "./nodes/split";
export { joinState } from "./nodes/join";
export type { BranchState, JoinContext, JoinNode, JoinOptions } from "./nodes/join";
export type {
  ChildEndedContext,
  ChildProcess,
  ChildrenContext,
  StartHandleNames,
  SubprocessesOptions,
  SubprocessNode,
  SubprocessOptions,
} from "./nodes/subprocess";
export type { EndNode, EndOptions, EndOthers } from "./nodes/end";
export { obsoleteNode } from "./nodes/obsolete";
export type { ObsoleteNode } from "./nodes/obsolete";
export {
  NODE_ACTIONS,
  PROCESS_ACTIONS,
  PROCESS_STATUSES,
  PROCESS_TRANSITIONS,
  processTransition,
  TASK_ACTIONS,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  transition,
} from "./status";
export type { ProcessAction, ProcessStatus, TaskAction, TaskStatus, Transition, TransitionError, TransitionResult } from "./status";
export { flowGraph, nodeOf } from "./graph";
export type { FlowGraph, GraphEdge, GraphNode } from "./graph";
export { checkFlow, findFlowProblems, FLOW_PROBLEM_CODES, FlowDefinitionError } from "./check-flow";
export type { FlowProblem, FlowProblemCode } from "./check-flow";
export { nextNodes } from "./next-nodes";
export { descriptionOf, humanize, titleOf } from "./title";
export { EDGE_KINDS, NODE_KINDS } from "./types";
export type {
  Duration,
  Edge,
  EdgeKind,
  FlowContext,
  FlowUser,
  HistoryTask,
  NodeKind,
  PermissionContext,
  ProcessHistory,
  ProcessId,
  ProcessPatch,
  ProcessSchema,
  ProcessView,
  Role,
  TaskId,
  TaskView,
  TypeError,
  UserContext,
  UserId,
} from "./types";
