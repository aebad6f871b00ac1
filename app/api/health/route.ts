import { publicRoute } from "@/app/platform";
import { pool } from "@/lib/db/pool";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

// GET /api/health: public liveness for a load balancer; 503 when PostgreSQL is unreachable.
export const GET = publicRoute({}, async () => {
  try {
    await pool.query("SELECT 1");
    return succeed({ database: "reachable" });
  } catch {
    return refuse("busy", "The database is unreachable.");
  }
});
