/**
 * The secret token of a handle task: what an outside system shows to signal it over HTTP
 * (app/api/flows/[flow]/processes/[processId]/tasks/[taskId]/signal). It is derived, not stored:
 * an HMAC-SHA256 of the task id under the install's secret (`BETTER_AUTH_SECRET`, the one every
 * instance shares), with a label of its own so it is never a session's signature. So every
 * instance and worker computes the same token, it admits that one task only, and rotating the
 * secret revokes every token at once.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignalAddress } from "@/lib/flow";

const LABEL = "gusset-flow-signal:";

function secret(): string {
  const value = process.env.BETTER_AUTH_SECRET;
  if (!value) throw new Error("BETTER_AUTH_SECRET is not set: a handle task's signal token is derived from it (docs/security.md).");
  return value;
}

/** The token that admits a signal of `taskId`. */
export function signalTokenOf(taskId: string): string {
  return createHmac("sha256", secret())
    .update(LABEL + taskId)
    .digest("base64url");
}

/** Whether `token` is the one of `taskId`, compared in constant time. */
export function isSignalToken(taskId: string, token: string): boolean {
  const expected = Buffer.from(signalTokenOf(taskId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where an outside system signals a handle task, with its token. */
export function signalAddressOf(task: { readonly flowName: string; readonly processId: string; readonly id: string }): SignalAddress {
  const path = `/api/flows/${encodeURIComponent(task.flowName)}/processes/${task.processId}/tasks/${task.id}/signal`;
  return { path, token: signalTokenOf(task.id) };
}
