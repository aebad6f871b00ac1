import { isPermitted, nodeOf, type AnyFlow } from "@/lib/flow";
import type { Actor } from "@/lib/flow/runtime";
import { can } from "@/lib/auth/permissions";

/** @internal What the access rule needs to know about a task and its process. */
export interface TaskFacts {
  readonly id: string;
  readonly nodeName: string;
  readonly status: string;
  readonly assigneeId: string | null;
  readonly ownerRole: string | null;
  readonly finishedById: string | null;
  readonly processId: string;
  readonly processCreatedById: string;
  readonly processData: unknown;
}

/**
 * Who may open a task's page: admins; the user it is assigned to, or who finished it; and anyone who
 * may take it from their queue (role and the node's permission). Nobody else, not even who started
 * the process (they follow it on the process page): an engineer never opens another user's task.
 */
export function maySeeTask(actor: Actor, flow: AnyFlow | null, task: TaskFacts): boolean {
  if (can(actor, "flow.manage")) return true;
  if (task.assigneeId === actor.id || task.finishedById === actor.id) return true;
  return mayClaim(actor, flow, task);
}

/** Whether the task waits in a queue of the actor's, and its node's permission admits them. */
export function mayClaim(actor: Actor, flow: AnyFlow | null, task: TaskFacts): boolean {
  if (task.status !== "new" || task.assigneeId !== null || task.ownerRole === null) return false;
  if (!actor.roles.some((role) => role === task.ownerRole)) return false;
  if (!flow) return false;
  const node = nodeOf(flow, task.nodeName);
  if (node.kind !== "view") return false;
  return isPermitted(node.permission, {
    process: { id: task.processId, data: (task.processData ?? {}) as never, createdBy: task.processCreatedById },
    task: { id: task.id, node: task.nodeName, ownerId: null },
    user: actor,
  });
}
