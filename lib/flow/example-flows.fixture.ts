/**
 * Three example flows the tests share. The flows this install ships live in definitions/.
 */
import { z } from "zod";
import { flow, role, type PermissionContext } from "@/lib/flow";

/** Four eyes: whoever started the process may not also check it. */
function notTheRequester({ user, process }: PermissionContext<{ readonly [field: string]: unknown }>): boolean {
  return user.id !== process.createdBy;
}

/** start → a handler tosses a coin → if → one of two ends. */
export const helloWorld = flow("hello-world", {
  process: z.object({
    text: z.string(),
    outcome: z.enum(["heads", "tails"]).optional(),
  }),
  nodes: ({ start, handler, ifNode, end }) => ({
    start: start({ form: z.object({ text: z.string().min(1) }), permission: "flow.start" }).next("toss"),
    toss: handler(() => ({ outcome: Math.random() < 0.5 ? "heads" : "tails" })).next("decide"),
    decide: ifNode(({ process }) => process.data.outcome === "heads")
      .then("heads")
      .else("tails"),
    heads: end(),
    tails: end(),
  }),
});

/**
 * An engineer asks for a review of an entity; a reviewer other than the engineer approves it or
 * sends it back; once approved, a job renders the report.
 */
export const designReview = flow("design-review", {
  version: 2,
  process: z.object({
    entityId: z.string(),
    summary: z.string(),
    approved: z.boolean().optional(),
    comment: z.string().optional(),
    reviewedBy: z.string().optional(),
    reportFile: z.string().optional(),
  }),
  nodes: ({ start, view, ifNode, job, end }) => ({
    start: start({
      title: "Ask for a design review",
      form: z.object({ entityId: z.string().min(1), summary: z.string().min(1) }),
      permission: "flow.start",
    }).next("review"),
    review: view({
      title: ({ process }) => `Review: ${process.data.summary}`,
      form: z.object({ approved: z.boolean(), comment: z.string().optional() }),
      assign: role("reviewer"),
      permission: notTheRequester,
      due: { days: 3 },
      merge: ({ form, user }) => ({ ...form, reviewedBy: user.id }),
    }).next("decide"),
    decide: ifNode(({ process }) => process.data.approved === true)
      .then("report")
      .else("revise"),
    revise: view({
      description: ({ process }) => process.data.comment ?? "",
      form: z.object({ summary: z.string().min(1) }),
      assign: ({ process }) => process.createdBy,
    }).next("review"),
    report: job(
      async ({ process, compute, storage, signal }) => {
        const report = await compute.call(process.data.entityId, "report", { signal });
        const file = await storage.put("review.json", JSON.stringify(report), { contentType: "application/json" });
        return { reportFile: file.key };
      },
      { retries: 3 },
    ).next("end"),
    end: end(),
  }),
});

/**
 * Code starts it when a change is saved. Structural and cost checks run in parallel (the cost check
 * only when the cost changes), join, and a switch decides: apply, reject, or rework and check again.
 */
export const changeRequest = flow("change-request", {
  process: z.object({
    entityId: z.string(),
    costDelta: z.number(),
    structuralOk: z.boolean().optional(),
    costOk: z.boolean().optional(),
  }),
  nodes: ({ startHandle, split, view, join, switchNode, handler, end }) => ({
    start: startHandle().next("checks"),
    checks: split()
      .branch("structural")
      .branch("cost", ({ process }) => process.data.costDelta !== 0),
    structural: view({
      form: z.object({ structuralOk: z.boolean() }),
      assign: role("engineer"),
      permission: notTheRequester,
    }).next("checked"),
    cost: view({ form: z.object({ costOk: z.boolean() }), assign: role("reviewer") }).next("checked"),
    checked: join().next("outcome"),
    outcome: switchNode()
      .case("apply", ({ process }) => process.data.structuralOk === true && process.data.costOk !== false)
      .case("rejected", ({ process }) => process.data.structuralOk === false)
      .default("rework"),
    rework: view({
      form: z.object({ costDelta: z.number() }),
      assign: ({ process }) => process.createdBy,
    }).next("checks"),
    apply: handler(() => ({})).next("applied"),
    applied: end(),
    rejected: end(),
  }),
});
