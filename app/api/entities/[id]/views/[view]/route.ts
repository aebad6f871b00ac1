import { z } from "zod";
import { withUser } from "@/app/platform";
import { respondToCall } from "@/lib/calls/respond-to-call";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100), view: z.string().max(200) });
const body = z.object({ params: z.record(z.string(), z.unknown()), callId: z.uuid().optional() });

// POST /api/entities/:id/views/:view: runs one view on the posted params (the editor's, saved or not); a slow one in the job queue (lib/calls).
export const POST = withUser({ params, body }, ({ request, user, params, body }) =>
  respondToCall(request, user, { entityId: params.id, kind: "view", name: params.view, params: body.params, callId: body.callId }),
);
