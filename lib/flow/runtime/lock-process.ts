/**
 * The transaction every change to a process runs in: BEGIN, lock the process row (SELECT … FOR
 * UPDATE, scoped by flow), do the work in memory, write it in one statement, COMMIT. Deadlocks and
 * serialization failures are retried a few times with jitter, then reported as `busy`.
 */
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/sql";
import type { AnyNode, FlowUser, ObsoleteNode } from "@/lib/flow";
import { FlowError } from "./errors";
import { FlowWork, HistoryNeeded, notFound, READS_HISTORY, type LoadedProcess, type WorkMode } from "./flow-work";
import { installed } from "@/lib/installation/install";
import type { FlowRegistry } from "./registry";
import type { TaskRow } from "./rows";
import { can } from "@/lib/auth/permissions";

/** Where flow transactions run: a node-postgres pool (the default is the process's, lib/db/pool.ts). */
export type FlowDatabase = pg.Pool;

/** What every action may be given; all optional. */
export interface RuntimeOptions {
  /** The database to use. Default: the process's pool. Tests pass one per simulated process. */
  readonly db?: FlowDatabase;
  /** The flows served. Default: the installation's (lib/installation). */
  readonly registry?: FlowRegistry;
  /** The time the action happens at. Default: now. Tests move it instead of sleeping. */
  readonly now?: Date;
}

/** Which process and task an action is for: the ids come from a URL, so all three are checked together. */
export interface TaskRef {
  readonly flow: string;
  readonly processId: string;
  readonly taskId: string;
}

export interface ProcessRef {
  readonly flow: string;
  readonly processId: string;
}

/** Who does an action. The caller (lib/auth's guard) vouches for the roles. */
export type Actor = FlowUser;

/** Tries after the first before a deadlock or serialization failure is reported. */
export const TRANSACTION_RETRIES = 5;

// PostgreSQL's SQLSTATEs for a transaction that lost a race and may simply be run again.
const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * Runs `work` in one transaction and writes what it changed before COMMIT. Every attempt gets a
 * fresh FlowWork, so a retried attempt starts from what is committed.
 * @throws {FlowError} busy when every attempt deadlocked or failed to serialize
 */
export async function inFlowTransaction<T>(
  options: RuntimeOptions,
  mode: WorkMode,
  actorId: string | null,
  work: (work: FlowWork) => Promise<T>,
): Promise<T> {
  const database = options.db ?? pool;
  const registry = options.registry ?? installed().flows;
  const historyRetried = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(database, async (tx) => {
        const unit = new FlowWork(tx, registry, options.now ?? new Date(), mode, actorId);
        const result = await work(unit);
        await unit.flush();
        return result;
      });
    } catch (error) {
      // A callback read a history not loaded: run again, loading that flow's histories from now on.
      // The first such action of a flow in this process pays one extra attempt; none after it (a
      // concurrent action may have marked the flow after this one locked, hence the set of its own).
      if (error instanceof HistoryNeeded) {
        if (historyRetried.has(error.flowName))
          throw new Error(`The history of flow "${error.flowName}" was read but not loaded.`, { cause: error });
        historyRetried.add(error.flowName);
        READS_HISTORY.add(error.flowName);
        attempt -= 1;
        continue;
      }
      const state = sqlStateOf(error);
      if (state === LOCK_TIMEOUT) throw new FlowError("busy", "Waited too long for the process lock.", { cause: error });
      if (!state || !RETRYABLE.has(state)) throw error;
      if (attempt > TRANSACTION_RETRIES) {
        throw new FlowError("busy", `Gave up after ${attempt} attempts (SQLSTATE ${state}).`, { cause: error });
      }
      // Jittered, growing wait so the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

const LOCK_TIMEOUT = "55P03";

/** The SQLSTATE of a database error as Prisma's driver adapter reports it, if it is one. */
export function sqlStateOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: unknown };
  const original = e.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string") return original;
  if (e.code === "P2034") return "40001";
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return e.cause ? sqlStateOf(e.cause) : null;
}

/**
 * Locks the process of `ref` and finds its task. An id of another flow or another process answers
 * not_found, the same as one that does not exist.
 * @throws {FlowError} not_found
 */
export async function lockTask(
  work: FlowWork,
  ref: TaskRef,
): Promise<{ process: LoadedProcess; task: TaskRow; node: AnyNode | ObsoleteNode }> {
  const process = await work.lock(ref.processId, ref.flow, ref.taskId);
  const task = await work.task(process, ref.taskId);
  if (!task || task.flowName !== ref.flow) throw notFound();
  return { process, task, node: work.nodeOf(process, task) };
}

/**
 * Refuses an action on a process that has ended.
 * @throws {FlowError} invalid_transition
 */
export function requireActive(process: LoadedProcess): void {
  if (process.row.status === "running" || process.row.status === "error") return;
  throw new FlowError("invalid_transition", `Process ${process.row.id} is ${process.row.status}.`, {
    userMessage: `This process is ${process.row.status === "done" ? "finished" : "canceled"}; its tasks can no longer change.`,
  });
}

/**
 * Only admins may do this.
 * @throws {FlowError} forbidden
 */
export function requireAdmin(actor: Actor): void {
  if (!can(actor, "flow.manage"))
    throw new FlowError("forbidden", `User ${actor.id} is not an admin.`, { userMessage: "Only an admin may do this." });
}
