import { z } from "zod";
import { withUser } from "@/app/platform";
import { CALL_NOT_FOUND } from "@/lib/calls/follow-long-call";
import { requestCallCancel } from "@/lib/calls/request-call-cancel";
import { pool } from "@/lib/db/pool";
import { succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid() });

// POST /api/calls/:id/cancel: asks one of the user's long calls to stop; its followers see it end cancelled.
export const POST = withUser({ params }, async ({ params, user }) => {
  const answer = await requestCallCancel(pool, user.id, params.id);
  return answer === "not_found" ? CALL_NOT_FOUND : succeed({ finished: answer === "finished" });
});
