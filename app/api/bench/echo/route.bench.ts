import { NextResponse } from "next/server";
import { z } from "zod";
import { publicRoute } from "@/app/platform";

export const dynamic = "force-dynamic";

// Bench-only (the `.bench.ts` extension): in the build of bench/views.ts alone, never in production (next.config.ts).

const body = z.object({ params: z.record(z.string(), z.unknown()) });

// POST /api/bench/echo: a view call's JSON body read and checked with zod, no session, no view:
// what Next and the body cost a POST, for bench/views.ts. Answers only whether the body was valid.
export const POST = publicRoute({}, async ({ request }) => {
  const parsed = body.safeParse(await request.json().catch(() => undefined));
  return NextResponse.json({ ok: parsed.success });
});
