import { z } from "zod";
import { withUser } from "@/app/platform";
import { CALL_NOT_FOUND } from "@/lib/calls/follow-long-call";
import { readLongCall } from "@/lib/calls/read-long-call";
import { respondWithLongCall } from "@/lib/calls/respond-with-long-call";
import { pool } from "@/lib/db/pool";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid() });

// GET /api/calls/:id: follows one of the user's long calls from its current state (NDJSON progress, then the outcome; JSON: waits for the outcome).
export const GET = withUser({ params }, async ({ request, params, user }) => {
  if (!(await readLongCall(pool, user.id, params.id))) return CALL_NOT_FOUND;
  return respondWithLongCall(request, pool, user.id, params.id);
});
