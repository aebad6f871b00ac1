// First of scripts/worker.ts's imports: GUSSET_DB_POOL's default for a worker, before lib/db/pool.ts reads it.
import { defaultWorkerPool } from "@/lib/jobs/worker-pool-size";

defaultWorkerPool();
