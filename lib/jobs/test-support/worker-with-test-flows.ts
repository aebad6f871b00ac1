/**
 * A worker process running the runtime's test flows, for the fault tests that kill one. It prints
 * one JSON line per delivery on stdout so the test can follow it. Stops on SIGTERM like the real one.
 */
import { loadFlows } from "@/lib/flow/runtime/registry";
import { testFlows } from "@/lib/flow/runtime/test-support/flows";
import { startWorker } from "../start-worker";

const worker = await startWorker({
  registry: loadFlows(testFlows),
  services: {
    storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
    compute: { call: () => Promise.reject(new Error("no compute")) },
    faults: { isOn: async () => false },
  },
  concurrency: 2,
  longCalls: false,
  heartbeat: {
    intervalMs: Number(process.env.GUSSET_WORKER_HEARTBEAT_MS ?? 500),
    staleAfterMs: Number(process.env.GUSSET_WORKER_STALE_MS ?? 3000),
  },
  onJob: ({ taskId, outcome }) => console.log(JSON.stringify({ event: "job", taskId, outcome })),
});
console.log(JSON.stringify({ event: "ready", workerIds: worker.workerIds(), pid: process.pid }));
process.on("SIGTERM", () => {
  void worker.stop().then(() => {
    console.log(JSON.stringify({ event: "stopped" }));
    process.exit(0);
  });
});
