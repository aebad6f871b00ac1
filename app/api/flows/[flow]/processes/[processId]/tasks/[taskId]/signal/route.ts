import { z } from "zod";
import { publicRoute } from "@/app/platform";
import { signalTaskWithToken } from "@/lib/flow/runtime";
import { RefusedError, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ flow: z.string().max(100), processId: z.uuid(), taskId: z.uuid() });

// POST /api/flows/:flow/processes/:processId/tasks/:taskId/signal with `Authorization: Bearer <token>`
// and the signal's JSON input: an outside system (a webhook) resumes a handle task. Public on
// purpose: the task's own token (lib/flow/runtime/signal-token.ts) is the credential, checked by
// signalTaskWithToken; without it the answer is 403. A second delivery answers `already_done`.
export const POST = publicRoute({ params, body: z.unknown(), authorizedByToken: true }, async ({ request, params: ref, body }) => {
  const token = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  try {
    return succeed({ outcome: await signalTaskWithToken({ flow: ref.flow, processId: ref.processId, taskId: ref.taskId }, token, body) });
  } catch (error) {
    if (error instanceof RefusedError) return { ok: false, failure: error.failure };
    throw error;
  }
});
