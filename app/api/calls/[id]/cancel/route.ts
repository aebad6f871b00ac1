import { NextResponse } from "next/server";
import { withUser } from "@/app/platform";
import { CALL_NOT_FOUND } from "@/lib/calls/follow-long-call";
import { requestCallCancel } from "@/lib/calls/request-call-cancel";
import { pool } from "@/lib/db/pool";

export const dynamic = "force-dynamic";

// POST /api/calls/:id/cancel: asks one of the user's long calls to stop; its followers see it end cancelled.
export const POST = withUser(async (_request, { params, user }) => {
  const { id } = (await params) as { id: string };
  const answer = await requestCallCancel(pool, user.id, id);
  return answer === "not_found"
    ? NextResponse.json(CALL_NOT_FOUND, { status: 404 })
    : NextResponse.json({ ok: true, finished: answer === "finished" });
});
