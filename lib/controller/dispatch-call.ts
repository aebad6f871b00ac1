import { findEntityToRun } from "@/lib/entities/get-entity";
import type { Actor } from "@/lib/entities/types";
import { installed } from "@/lib/installation/install";
import { refuse, succeed, type Result } from "@/lib/result";
import { isLong } from "./buttons";
import { inCallThread } from "./call-thread";
import { callThreadSettings, runInThread } from "./call-threads";
import type { Controller } from "./controller";
import { runCall, type Call, type CallOptions, type CallValue } from "./run-call";
import { isSlow } from "./views";

/** The entity a call runs for: who it is. */
export interface CallEntity {
  readonly id: string;
  readonly name: string;
  /** The entity type's name ("beam"). */
  readonly type: string;
}

/**
 * What a call runs on: a person's request, found with their access (another user's entity reads
 * as not found), or server code's entity as it is (a long call in the worker, a flow's job,
 * `compute`), with its type's controller looked up in the installation unless given.
 */
export type CallTarget =
  { readonly actor: Actor; readonly entityId: string } | { readonly entity: CallEntity; readonly controller?: Controller };

/** A call that may run: on what, whether it belongs in the job queue, and how to run it here. */
export interface PreparedCall {
  readonly entity: CallEntity;
  /** A slow view or long button: a request queues it (lib/calls) rather than running it in the request. */
  readonly long: boolean;
  /** Where it runs: in a worker thread of the `fast` or `long` lane (lib/controller/call-threads.ts), or here. */
  readonly where: "fast" | "long" | "here";
  /** Seconds it may run in its thread before it is stopped: its own `timeLimit`, or the default for its duration. */
  readonly timeLimitS: number;
  run(options?: Omit<CallOptions, "entity">): Promise<Result<CallValue>>;
}

const NO_ENTITY = "There is no such entity, or you may not see it.";

/**
 * Finds what a call runs on and whether it may: the entity (with the actor's access), its type's
 * controller, the view or button, and, for an action button, that the actor may edit the entity
 * (an action changes something outside it, "send to the fabricator"). Every call, from a route, a
 * worker or server code, is prepared here and run by `runCall`.
 */
export async function prepareCall(target: CallTarget, call: Call): Promise<Result<PreparedCall>> {
  let entity: CallEntity;
  let canEdit = true;
  if ("actor" in target) {
    const found = await findEntityToRun(target.actor, target.entityId);
    if (!found) return refuse("not_found", NO_ENTITY);
    entity = { id: found.id, name: found.name, type: found.type };
    canEdit = found.canEdit;
  } else {
    entity = target.entity;
  }
  const controller = ("controller" in target ? target.controller : undefined) ?? installed().entityType(entity.type)?.controller;
  if (!controller) return refuse("not_found", "Entities of this type have no views or buttons.");

  const view = call.kind === "view" && Object.hasOwn(controller.views, call.name) ? controller.views[call.name]! : null;
  const button = call.kind !== "view" && Object.hasOwn(controller.buttons, call.name) ? controller.buttons[call.name]! : null;
  if (!view && !button) return refuse("not_found", `There is no ${call.kind === "view" ? "view" : "button"} "${call.name}".`);
  if (call.kind === "button" && button?.kind === "action" && !canEdit)
    return refuse("forbidden", "You may read this entity but not act on it.");

  const long = view ? isSlow(view) : call.kind === "button" && button !== null && isLong(button);
  const settings = callThreadSettings();
  const timeLimitS = (view ?? button)?.timeLimit ?? (long ? settings.longTimeLimitS : settings.timeLimitS);
  const where = whereToRun(entity, controller, long);
  return succeed({
    entity,
    long,
    where,
    timeLimitS,
    run: (options = {}) =>
      where === "here" ? runCall(controller, call, { ...options, entity }) : runInThread(where, entity, call, { ...options, timeLimitS }),
  });
}

/**
 * A worker thread when a thread can load this controller: the installation names its module and
 * the controller is its type's installed one (server code may hand compute() another, a test's);
 * here when already in a call thread (compute() from a view), or for an installation without a
 * module (tests of types declared inline).
 */
function whereToRun(entity: CallEntity, controller: Controller, long: boolean): PreparedCall["where"] {
  if (inCallThread()) return "here";
  const current = installed();
  if (!current.module || current.entityType(entity.type)?.controller !== controller) return "here";
  return long ? "long" : "fast";
}

/** Prepares a call and runs it now, whatever its duration: the worker's and server code's way (a request queues long ones). */
export async function dispatchCall(target: CallTarget, call: Call, options: Omit<CallOptions, "entity"> = {}): Promise<Result<CallValue>> {
  const prepared = await prepareCall(target, call);
  return prepared.ok ? prepared.value.run(options) : prepared;
}
