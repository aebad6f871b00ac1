import { NextResponse } from "next/server";
import { withUser } from "@/app/platform";
import { CALL_NOT_FOUND } from "@/lib/calls/follow-long-call";
import { readLongCall } from "@/lib/calls/read-long-call";
import { respondWithLongCall } from "@/lib/calls/respond-with-long-call";
import { pool } from "@/lib/db/pool";

export const dynamic = "force-dynamic";

// GET /api/calls/:id: follows one of the user's long calls from its current state (NDJSON progress, then the outcome; JSON: waits for the outcome).
export const GET = withUser(async (request, { params, user }) => {
  const { id } = (await params) as { id: string };
  if (!(await readLongCall(pool, user.id, id))) return NextResponse.json(CALL_NOT_FOUND, { status: 404 });
  return respondWithLongCall(request, pool, user.id, id);
});
