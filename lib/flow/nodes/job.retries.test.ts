import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailedAttempt, DEFAULT_JOB_BACKOFF, DEFAULT_JOB_RETRIES, durationMs, retryDelayMs, type Backoff } from "@/lib/flow";

describe("a failed job attempt", () => {
  const job = { retries: DEFAULT_JOB_RETRIES, backoff: DEFAULT_JOB_BACKOFF };

  it("is rescheduled after 10, 20, 40, 80 and 160 seconds, then fails the task", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => afterFailedAttempt(job, attempt))).toEqual([
      { action: "reschedule", delayMs: 10_000 },
      { action: "reschedule", delayMs: 20_000 },
      { action: "reschedule", delayMs: 40_000 },
      { action: "reschedule", delayMs: 80_000 },
      { action: "reschedule", delayMs: 160_000 },
      { action: "fail" },
    ]);
  });

  it("fails at once when the job has no retries", () => {
    expect(afterFailedAttempt({ ...job, retries: 0 }, 1)).toEqual({ action: "fail" });
  });

  it("waits the same time every time with a fixed backoff", () => {
    const fixed: Backoff = { kind: "fixed", delay: { minutes: 1 } };
    expect([1, 2, 9].map((attempt) => retryDelayMs(fixed, attempt))).toEqual([60_000, 60_000, 60_000]);
  });

  it("waits longer each time, never beyond the maximum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 100 }),
        (attempt, initial, max) => {
          const backoff: Backoff = { kind: "exponential", initial: { seconds: initial }, max: { minutes: max } };
          const delay = retryDelayMs(backoff, attempt);
          expect(delay).toBeGreaterThanOrEqual(retryDelayMs(backoff, Math.max(1, attempt - 1)));
          expect(delay).toBeLessThanOrEqual(durationMs(backoff.max));
        },
      ),
    );
  });
});
