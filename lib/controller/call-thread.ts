/**
 * Inside a worker thread that runs controller code: the other end of lib/controller/call-threads.ts.
 * The thread's bundle (bundle-call-thread.ts) imports the process's installation module and hands
 * it here, so the thread installs it once, as every process entry point does; then each task is one
 * call through runCall, with a signal the caller may abort and progress sent back on the task's port.
 * @internal
 */
import type { MessagePort } from "node:worker_threads";
import { install, installed } from "@/lib/installation/install";
import type { Installation } from "@/lib/installation/installation";
import { refuse, type Result } from "@/lib/result";
import type { CallEntity } from "./dispatch-call";
import { runCall, type Call, type CallValue } from "./run-call";

/** What the calling process sends a thread for one call. */
export interface ThreadTask {
  readonly entity: CallEntity;
  readonly call: Call;
  /** Thread → caller: `{ started }` once, then `{ progress, message }`; caller → thread: `"cancel"`. */
  readonly port: MessagePort;
}

/** A logged failure as it crosses back: failureOf made its reference here, the caller logs it. */
export interface LoggedFailure {
  readonly reference: string;
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export interface ThreadAnswer {
  readonly result: Result<CallValue>;
  readonly logs: readonly LoggedFailure[];
}

/** A message on a task's port from the thread. */
export type ThreadMessage = { readonly started: true } | { readonly progress: number; readonly message?: string };

/** At most one progress message per this many ms (a loop may report thousands of times); the last is always sent. */
const PROGRESS_EVERY_MS = 20;

const marker = globalThis as unknown as { gussetInCallThread?: boolean };

/** True inside a call thread: a call made from a view here (compute) runs in this thread, not in another. */
export function inCallThread(): boolean {
  return marker.gussetInCallThread === true;
}

/** Installs the installation in this thread and answers the task handler piscina calls for each call. */
export function callThread(installation: Installation): (task: ThreadTask) => Promise<ThreadAnswer> {
  marker.gussetInCallThread = true;
  install(installation);
  return runTask;
}

async function runTask({ entity, call, port }: ThreadTask): Promise<ThreadAnswer> {
  const cancel = new AbortController();
  port.on("message", (message) => {
    if (message === "cancel") cancel.abort();
  });
  const post = (message: ThreadMessage) => port.postMessage(message);
  post({ started: true });
  const logs: LoggedFailure[] = [];
  try {
    const controller = installed().entityType(entity.type)?.controller;
    if (!controller) return { result: refuse("not_found", "Entities of this type have no views or buttons."), logs };
    let lastSent = 0;
    let pending: { progress: number; message?: string } | null = null;
    const result = await runCall(controller, call, {
      entity,
      signal: cancel.signal,
      onProgress: (progress, message) => {
        pending = message === undefined ? { progress } : { progress, message };
        const now = Date.now();
        if (now - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = now;
          post(pending);
          pending = null;
        }
      },
      log: (reference, error) =>
        logs.push(
          error instanceof Error
            ? { reference, name: error.name, message: error.message, stack: error.stack }
            : { reference, name: "Error", message: String(error) },
        ),
    });
    if (pending) post(pending);
    return { result, logs };
  } finally {
    port.close();
  }
}
