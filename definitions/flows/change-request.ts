import { z } from "zod";
import { flow, role, type PermissionContext } from "@/lib/flow";

const processData = z.object({
  entityId: z.string(),
  description: z.string(),
  costDelta: z.number(),
  structuralOk: z.boolean().optional(),
  structuralNote: z.string().optional(),
  costOk: z.boolean().optional(),
  costNote: z.string().optional(),
  approved: z.boolean().optional(),
  decidedBy: z.string().optional(),
});

/** Whoever asked for the change does not check or approve it. */
function notTheRequester({ user, process }: PermissionContext<z.output<typeof processData>>): boolean {
  return user.id !== process.createdBy;
}

/**
 * An engineer asks for a change; it splits into a structural check (another engineer) and a cost
 * check (a reviewer), which run in parallel and join before an admin's final approval.
 */
export const changeRequest = flow("change-request", {
  process: processData,
  nodes: ({ start, split, view, join, ifNode, end }) => ({
    start: start({
      title: "Request a change",
      form: z.object({ entityId: z.string().min(1), description: z.string().min(1).max(2000), costDelta: z.number() }),
      permission: "flow.start",
    }).next("checks"),
    checks: split().branch("structural").branch("cost"),
    structural: view({
      title: ({ process }) => `Structural check: ${process.data.description}`,
      form: z.object({ structuralOk: z.boolean(), structuralNote: z.string().max(2000).optional() }),
      assign: role("engineer"),
      permission: notTheRequester,
    }).next("checked"),
    cost: view({
      title: ({ process }) => `Cost check: ${process.data.description}`,
      description: ({ process }) => `Cost change: ${process.data.costDelta}`,
      form: z.object({ costOk: z.boolean(), costNote: z.string().max(2000).optional() }),
      assign: role("reviewer"),
    }).next("checked"),
    checked: join().next("approval"),
    approval: view({
      title: ({ process }) => `Approve: ${process.data.description}`,
      form: z.object({ approved: z.boolean() }),
      assign: role("admin"),
      permission: notTheRequester,
      merge: ({ form, user }) => ({ approved: form.approved, decidedBy: user.id }),
    }).next("decide"),
    decide: ifNode(({ process }) => process.data.approved === true)
      .then("applied")
      .else("rejected"),
    applied: end({ title: "Applied" }),
    rejected: end({ title: "Rejected" }),
  }),
});
