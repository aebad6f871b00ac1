import { z } from "zod";
import { withUser } from "@/app/platform";
import { respondToCall } from "@/lib/calls/respond-to-call";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100), button: z.string().max(200) });
const body = z.object({ params: z.unknown(), check: z.boolean().optional(), callId: z.uuid().optional() });

// POST /api/entities/:id/buttons/:button: presses one button on the posted params (with `check`, says only whether it is disabled and why).
export const POST = withUser({ params, body }, ({ request, user, params, body }) =>
  respondToCall(request, user, {
    entityId: params.id,
    kind: body.check ? "disabled" : "button",
    name: params.button,
    params: body.params,
    callId: body.callId,
  }),
);
