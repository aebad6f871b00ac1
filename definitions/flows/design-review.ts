import { z } from "zod";
import { flow, role, type PermissionContext } from "@/lib/flow";

const processData = z.object({
  entityId: z.string(),
  /** The saved revision (version number) under review. */
  revision: z.string(),
  summary: z.string(),
  /** Who made the revision under review: the submitter, or whoever revised it since. */
  revisionAuthorId: z.string(),
  approved: z.boolean().optional(),
  comment: z.string().optional(),
  reviewedBy: z.string().optional(),
  /** The rendered report's storage key, once approved. */
  reportFile: z.string().optional(),
});
type DesignReview = z.output<typeof processData>;

/**
 * Four eyes: a reviewer may never approve a revision they authored, nor a review they asked for.
 * The runtime checks it when a reviewer claims or completes the task, and when an admin reassigns it.
 */
function notTheAuthor({ user, process }: PermissionContext<DesignReview>): boolean {
  return user.id !== process.createdBy && user.id !== process.data.revisionAuthorId;
}

/** What the beam's `report` view returns (lib/controller's PdfResult). */
const pdf = z.object({ kind: z.literal("pdf"), data: z.string(), fileName: z.string() });

/**
 * An engineer submits a revision of an entity for review; a reviewer who did not author it approves
 * it, or rejects it with a comment and the engineer revises and resubmits. On approval a job renders
 * the entity's PDF report at the approved revision into storage, and the process ends with it.
 */
export const designReview = flow("design-review", {
  process: processData,
  nodes: ({ start, view, ifNode, job, end }) => ({
    start: start({
      title: "Submit for review",
      form: z.object({ entityId: z.string().min(1), revision: z.string().min(1), summary: z.string().min(1).max(500) }),
      permission: "flow.start",
      merge: ({ form, user }) => ({ ...form, revisionAuthorId: user.id }),
    }).next("review"),
    review: view({
      title: ({ process }) => `Review: ${process.data.summary}`,
      description: ({ process }) => `Revision ${process.data.revision}`,
      form: z
        .object({ approved: z.boolean(), comment: z.string().max(2000).optional() })
        .refine((form) => form.approved || (form.comment ?? "").trim().length > 0, { path: ["comment"], message: "Say what to change." }),
      assign: role("reviewer"),
      permission: notTheAuthor,
      due: { days: 3 },
      merge: ({ form, user }) => ({ approved: form.approved, comment: form.comment, reviewedBy: user.id }),
    }).next("decide"),
    decide: ifNode(({ process }) => process.data.approved === true)
      .then("report")
      .else("revise"),
    revise: view({
      title: ({ process }) => `Revise: ${process.data.summary}`,
      description: ({ process }) => process.data.comment ?? "",
      form: z.object({ revision: z.string().min(1), summary: z.string().min(1).max(500) }),
      assign: ({ process }) => process.createdBy,
      merge: ({ form, user }) => ({ ...form, revisionAuthorId: user.id, approved: undefined, comment: undefined }),
    }).next("review"),
    report: job(
      async ({ process, compute, storage, faults, signal }) => {
        // An operator rehearsing the error queue turns this on in the database (docs/inbox-and-errors.md, "Rehearsing a failure").
        if (await faults.isOn("reportJob")) throw new Error("The report job's fault switch is on (setting faults.reportJob).");
        const result = pdf.parse(await compute.call(process.data.entityId, "report", { revision: process.data.revision, signal }));
        const file = await storage.put(result.fileName, Buffer.from(result.data, "base64"), { contentType: "application/pdf" });
        return { reportFile: file.key };
      },
      // The report is rendered from saved params, so a failure is almost always the view's own and
      // recurs: two retries 5 s apart ride out a worker restart or a database blip, then the task
      // waits in the error queue (about 10 s after the approval) for someone to fix and retry it.
      { title: "Render the report", retries: 2, backoff: { kind: "fixed", delay: { seconds: 5 } } },
    ).next("approved"),
    approved: end({ title: "Approved" }),
  }),
});
