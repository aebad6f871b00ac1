/**
 * An installation for the call-thread tests, loaded by their worker threads from this file (its
 * `module`): views that behave, and views that misbehave the ways controller code can.
 */
import { threadId } from "node:worker_threads";
import { CallCancelled, controller, dataView, InputViolation, UserError } from "@/lib/controller";
import { entityType, installation } from "@/lib/installation";
import { number, parametrization } from "@/lib/params";

const params = parametrization({ n: number("N", { min: 0, max: 1_000_000, default: 1 }) });

const spin = (): never => {
  for (;;) {
    // synchronous: nothing but terminating the thread ends this
  }
};

export const runawayController = controller(params, {
  views: {
    /** Answers at once, with the thread it ran in. */
    quick: dataView("Quick", ({ params }) => ({
      kind: "data",
      items: [
        { label: "Twice", value: params.n * 2 },
        { label: "Thread", value: threadId },
      ],
    })),
    /** An endless loop, with a time limit of 1 s. */
    endless: dataView("Endless", { timeLimit: 1 }, spin),
    /** Reports progress, then loops forever, with the default time limit. */
    stuck: dataView("Stuck", ({ progress }) => {
      progress(0.1, "Looping");
      return spin();
    }),
    /** Keeps everything it allocates. */
    hoard: dataView("Hoard", () => {
      const kept: number[][] = [];
      for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => i));
    }),
    /** Waits for its signal, as a well-behaved long computation checks it. */
    patient: dataView("Patient", async ({ signal, progress }) => {
      progress(0.5, "Waiting for the signal");
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      throw new CallCancelled();
    }),
    /** Sleeps `n` ms (not CPU), reporting progress each 10 ms. */
    sleepy: dataView("Sleepy", async ({ params, progress }) => {
      for (let waited = 0; waited < params.n; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        progress(waited / params.n, `${waited} ms`);
      }
      return { kind: "data", items: [{ label: "Slept", value: params.n }] };
    }),
    refuses: dataView("Refuses", () => {
      throw new UserError("N is too large for this view.");
    }),
    violates: dataView("Violates", () => {
      throw new InputViolation([{ path: "n", message: "N must be even here." }]);
    }),
    breaks: dataView("Breaks", () => {
      throw new TypeError("a bug in the view");
    }),
  },
});

export const RUNAWAY_TYPE = "runaway";

export default installation({
  entityTypes: [entityType({ name: RUNAWAY_TYPE, label: "Runaway", params, controller: runawayController })],
  module: "lib/controller/test-support/runaway-installation.ts",
});
