/**
 * A controller whose slow view and long button take as long as their params say, for the long-call
 * tests: `steps` steps of `stepMs` each, reporting progress per step, checking the signal, and
 * throwing a UserError at step `userErrorAt` and reading storage (the database) at step `readAt` (0: never).
 */
import { actionButton, CallCancelled, controller, dataView, UserError } from "@/lib/controller";
import { storage } from "@/lib/controller/storage";
import { entityType, installation } from "@/lib/installation";
import { number, parametrization } from "@/lib/params";

const params = parametrization({
  steps: number("Steps", { min: 1, max: 10_000, default: 10 }),
  stepMs: number("Step time", { min: 0, max: 5_000, default: 10 }),
  userErrorAt: number("User error at step", { min: 0, max: 10_000, default: 0 }),
  readAt: number("Read storage at step", { min: 0, max: 10_000, default: 0 }),
});

async function work(
  { steps, stepMs, userErrorAt, readAt }: { steps: number; stepMs: number; userErrorAt: number; readAt: number },
  signal: AbortSignal,
  progress: (fraction: number, message?: string) => void,
) {
  for (let step = 1; step <= steps; step++) {
    if (signal.aborted) throw new CallCancelled();
    if (step === userErrorAt) throw new UserError(`Step ${step} cannot be done with these params.`);
    if (step === readAt) await storage("slow-test").getJson("probe"); // the database, mid-call
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    progress(step / steps, `Step ${step} of ${steps}`);
  }
}

export const slowController = controller(params, {
  views: {
    slow: dataView("Slow", { durationGuess: 10 }, async ({ params, signal, progress }) => {
      await work(params, signal, progress);
      return { kind: "data", items: [{ label: "Steps done", value: params.steps }] };
    }),
  },
  buttons: {
    long: actionButton(
      "Long",
      async ({ params, signal, progress }) => {
        await work(params, signal, progress);
        return { kind: "action", message: `Did ${params.steps} steps.` };
      },
      { durationGuess: 10 },
    ),
  },
});

/** The test's only entity type, and the installation that serves it: install it before a worker runs its calls. */
export const SLOW_TYPE = "slow-test";
export const slowInstallation = installation({
  entityTypes: [entityType({ name: SLOW_TYPE, label: "Slow test", params, controller: slowController })],
  // Its calls run in the long lane's worker threads, which load it from here.
  module: "lib/calls/test-support/slow-controller.ts",
});

export default slowInstallation;
