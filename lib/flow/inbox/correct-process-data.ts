import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { FLOW_NOTIFY_CHANNEL, FlowError, type Actor, type ProcessRef } from "@/lib/flow/runtime";
import { fieldErrors } from "@/lib/flow/runtime/errors";
import { installed } from "@/lib/installation/install";
import { can } from "@/lib/auth/permissions";

/**
 * An admin corrects a process's data before retrying a failed task: the new data is parsed by the
 * flow's process schema (errors by field), written under the process row lock, and audited with the
 * data before and after ("correct_data"). Additive to the runtime: it locks the row the same way
 * (SELECT … FOR UPDATE) and notifies the same channel, so open pages refresh.
 * @throws {FlowError} forbidden, not_found, invalid_transition (finished process), invalid_input
 */
export async function correctProcessData(actor: Actor, ref: ProcessRef, data: unknown): Promise<void> {
  if (!can(actor, "flow.manage"))
    throw new FlowError("forbidden", `User ${actor.id} may not correct process data.`, { userMessage: "Only an admin may do this." });
  const flow = installed().flows.get(ref.flow);
  const parsed = flow.process.safeParse(data);
  if (!parsed.success)
    throw new FlowError("invalid_input", `Corrected data of ${ref.processId}: ${parsed.error.message}`, {
      fields: fieldErrors(parsed.error.issues),
    });
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; data: unknown }[]>`
      SELECT status, data FROM flow_process WHERE id = ${ref.processId} AND "flowName" = ${ref.flow} FOR UPDATE`;
    if (!row) throw new FlowError("not_found", `No process ${ref.processId} of ${ref.flow}.`);
    if (row.status !== "running" && row.status !== "error") {
      throw new FlowError("invalid_transition", `Process ${ref.processId} is ${row.status}.`, {
        userMessage: "This process has ended; its data can no longer change.",
      });
    }
    const after = parsed.data as Prisma.InputJsonObject;
    await tx.$executeRaw`UPDATE flow_process SET data = ${after}::jsonb, "updatedAt" = now() WHERE id = ${ref.processId}`;
    await tx.flowAudit.create({
      data: {
        processId: ref.processId,
        userId: actor.id,
        action: "correct_data",
        details: { before: row.data as Prisma.InputJsonValue, after },
      },
    });
    const payload = JSON.stringify({ flow: ref.flow, process: ref.processId, status: row.status, tasks: [] });
    await tx.$executeRaw`SELECT pg_notify(${FLOW_NOTIFY_CHANNEL}, (${payload}::jsonb || jsonb_build_object('tx', pg_current_xact_id()::text))::text)`;
  });
}
