import { NextResponse } from "next/server";
import { publicRoute } from "@/app/platform";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// GET /api/health: public liveness for a load balancer; 503 when PostgreSQL is unreachable.
export const GET = publicRoute(async () => {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
});
