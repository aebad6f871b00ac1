/**
 * One job worker process for bench/queue.ts: the app's own worker (lib/jobs/start-worker.ts, with
 * scripts/worker.ts's defaults: concurrency 4, graphile-worker's poll interval, LISTEN/NOTIFY) plus
 * a no-op task named by the first argument. Prints `{"event":"ready"}` when it runs; SIGTERM stops
 * it as the real one stops.
 *
 *   node --import tsx bench/lib/queue-worker.ts bench_noop
 */
import { loadFlows } from "@/lib/flow/runtime/registry";
import { startWorker } from "@/lib/jobs/start-worker";

const noopTask = process.argv[2];
if (!noopTask) throw new Error("Name the no-op task: queue-worker.ts <task>.");

const worker = await startWorker({
  registry: loadFlows([]),
  services: {
    storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
    compute: { call: () => Promise.reject(new Error("no compute")) },
    faults: { isOn: async () => false },
  },
  // Does nothing, so what is measured is the queue's own cost: fetch, run, complete.
  extraTasks: { [noopTask]: async () => {} },
  longCalls: false,
});
console.log(JSON.stringify({ event: "ready" }));
process.on("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
