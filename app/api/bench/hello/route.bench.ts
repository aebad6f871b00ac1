import { NextResponse } from "next/server";
import { publicRoute, withUser } from "@/app/platform";

export const dynamic = "force-dynamic";

// Bench-only (the `.bench.ts` extension): in the build of bench/views.ts alone, never in production (next.config.ts).

// GET /api/bench/hello: a bare route, no session: the Node.js hello-world baseline of bench/views.ts.
export const GET = publicRoute({}, async () => NextResponse.json({ hello: "world" }));

// POST /api/bench/hello: the checks of a view call (Origin, session, role, a JSON body) without the view.
export const POST = withUser({}, async ({ request }) => {
  const body = (await request.json().catch(() => null)) as unknown;
  return NextResponse.json({ ok: true, received: typeof body });
});
