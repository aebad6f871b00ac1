/**
 * A worker process running long calls of the test controller (slow-controller.ts), for the test that
 * kills one mid-call. Prints `{ "event": "ready" }` on stdout. Stops on SIGTERM like the real one.
 */
import { install } from "@/lib/installation/install";
import { startWorker } from "@/lib/jobs/start-worker";
import { slowInstallation } from "./slow-controller";

const worker = await startWorker({
  registry: install(slowInstallation).flows,
  services: {
    storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
    compute: { call: () => Promise.reject(new Error("no compute")) },
    faults: { isOn: async () => false },
  },
  concurrency: 1,
  longCallConcurrency: 2,
  heartbeat: {
    intervalMs: Number(process.env.GUSSET_WORKER_HEARTBEAT_MS ?? 500),
    staleAfterMs: Number(process.env.GUSSET_WORKER_STALE_MS ?? 3000),
  },
});
console.log(JSON.stringify({ event: "ready", workerIds: worker.workerIds(), pid: process.pid }));
process.on("SIGTERM", () => {
  void worker.stop().then(() => process.exit(0));
});
