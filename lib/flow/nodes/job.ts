import { durationMs } from "../duration";
import type { NodeOptions } from "../options";
import type { Duration, Edge, FlowContext, Incomplete, ProcessPatch } from "../types";
import { withNext } from "./step";

/** A file a job saved. */
export interface StoredFile {
  readonly key: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** Files of the process, for jobs (e.g. a rendered report). The runtime implements it. */
export interface JobStorage {
  /** Saves a file under the process and returns it; saving the same name again replaces it. */
  put(name: string, body: Uint8Array | string, options?: { readonly contentType?: string }): Promise<StoredFile>;
  /** A file saved under the process, or null. */
  get(name: string): Promise<Uint8Array | null>;
}

/** Runs an entity's controller method through the stateless dispatcher (lib/controller). The runtime implements it. */
export interface JobCompute {
  call(
    entityId: string,
    method: string,
    options?: {
      readonly params?: unknown;
      /** The saved revision (its version number) whose params to use when `params` is not given. Default: the current params. */
      readonly revision?: string;
      readonly signal?: AbortSignal;
    },
  ): Promise<unknown>;
}

/**
 * Switches an operator turns on to make a job fail on purpose, to rehearse the error queue: the
 * setting `faults.<name>` holding `true`, written in the database (there is no page or route for it).
 * A job opts in by asking; the runtime implements it.
 */
export interface JobFaults {
  /** Whether the switch `faults.<name>` is on. */
  isOn(name: string): Promise<boolean>;
}

/** What a job receives. The process data is a snapshot taken when the attempt started. */
export interface JobContext<D> extends FlowContext<D> {
  readonly storage: JobStorage;
  readonly compute: JobCompute;
  readonly faults: JobFaults;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Aborted when the worker shuts down or the task is canceled; pass it on to long calls. */
  readonly signal: AbortSignal;
}

/**
 * Code run by the job queue, outside the process lock. The returned patch is merged, under the lock,
 * when the job ends; the job never writes the process data itself because it may be stale by then.
 */
export type JobFunction<D> = (ctx: JobContext<D>) => Promise<ProcessPatch<D> | void>;

/** How long to wait before retrying a failed attempt. */
export type Backoff =
  | { readonly kind: "fixed"; readonly delay: Duration }
  | {
      readonly kind: "exponential";
      /** The wait after the first failed attempt. */
      readonly initial: Duration;
      /** The wait never grows beyond this. */
      readonly max: Duration;
      /** Each wait is this many times the one before. Default: 2. */
      readonly factor?: number;
    };

/** 5 retries, so at most 6 attempts. */
export const DEFAULT_JOB_RETRIES = 5;
/** 10 s, 20 s, 40 s, 80 s, 160 s: about five minutes in all, enough to ride out a restart. */
export const DEFAULT_JOB_BACKOFF: Backoff = Object.freeze({
  kind: "exponential",
  initial: { seconds: 10 },
  max: { hours: 1 },
});

export interface JobOptions<D> extends NodeOptions<D> {
  /** How many times a failed attempt is retried before the task goes to the error queue. Default: 5. */
  readonly retries?: number;
  /** The wait before each retry. Default: exponential from 10 seconds, doubling, at most 1 hour. */
  readonly backoff?: Backoff;
}

export interface JobNode<D, T extends string = string> extends NodeOptions<D> {
  readonly kind: "job";
  run(ctx: JobContext<D>): Promise<ProcessPatch<D> | void>;
  readonly retries: number;
  readonly backoff: Backoff;
  readonly edges: readonly [Edge<T, "next">];
}

export interface JobStep<D> extends Incomplete<"add .next(target)"> {
  /** The node the process goes to when the job has ended. */
  next<T extends string>(to: T): JobNode<D, T>;
}

export function job<D>(run: JobFunction<D>, options: JobOptions<D> = {}): JobStep<D> {
  return withNext({
    ...options,
    kind: "job",
    run,
    retries: options.retries ?? DEFAULT_JOB_RETRIES,
    backoff: options.backoff ?? DEFAULT_JOB_BACKOFF,
  });
}

/**
 * What the runtime does after attempt number `attempt` (1-based) of a job failed: reschedule it after
 * a wait, or fail the task. The names are task actions (status.ts).
 */
export function afterFailedAttempt(
  node: { readonly retries: number; readonly backoff: Backoff },
  attempt: number,
): { readonly action: "reschedule"; readonly delayMs: number } | { readonly action: "fail" } {
  if (attempt > node.retries) return { action: "fail" };
  return { action: "reschedule", delayMs: retryDelayMs(node.backoff, attempt) };
}

/** The wait after failed attempt number `attempt` (1-based). */
export function retryDelayMs(backoff: Backoff, attempt: number): number {
  if (backoff.kind === "fixed") return durationMs(backoff.delay);
  const grown = durationMs(backoff.initial) * (backoff.factor ?? 2) ** (attempt - 1);
  return Math.min(grown, durationMs(backoff.max));
}
