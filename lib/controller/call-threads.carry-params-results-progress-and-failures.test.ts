import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { install } from "@/lib/installation/install";
import { closeCallThreads } from "./call-threads";
import { dispatchCall, prepareCall } from "./dispatch-call";
import runaway, { RUNAWAY_TYPE } from "./test-support/runaway-installation";

// Controller code runs in worker threads (call-threads.ts): params go in and the result comes out,
// progress and cancel cross the boundary, and what a view throws keeps its meaning (a UserError is
// refused, an InputViolation names its fields, a bug is logged here under failureOf's reference).

const entity = { id: "e1", name: "Runaway one", type: RUNAWAY_TYPE };
const run = (name: string, params: unknown = { n: 1 }, options: Parameters<typeof dispatchCall>[2] = {}) =>
  dispatchCall({ entity }, { kind: "view", name, params }, options);

beforeAll(() => void install(runaway));
afterAll(() => closeCallThreads());

describe("a call in a worker thread", () => {
  it("is prepared to run in the fast lane with its time limit", async () => {
    const prepared = await prepareCall({ entity }, { kind: "view", name: "endless", params: { n: 1 } });
    expect(prepared).toMatchObject({ ok: true, value: { long: false, where: "fast", timeLimitS: 1 } });
    expect(await prepareCall({ entity }, { kind: "view", name: "quick", params: {} })).toMatchObject({ value: { timeLimitS: 30 } });
  });

  it("gets its params and answers its result, computed in another thread", async () => {
    const answer = await run("quick", { n: 21 });
    expect(answer).toEqual({
      ok: true,
      value: {
        kind: "data",
        items: [
          { label: "Twice", value: 42 },
          { label: "Thread", value: expect.any(Number) },
        ],
      },
    });
    const value = answer.ok ? (answer.value as unknown as { items: { value: unknown }[] }) : null;
    expect(value?.items[1]!.value).not.toBe(threadId);
  });

  it("validates params as a browser's are", async () => {
    expect(await run("quick", { n: -1 })).toMatchObject({ ok: false, failure: { code: "invalid_input", fields: [{ path: "n" }] } });
  });

  it("sends its progress to the caller", async () => {
    const seen: { fraction: number; message?: string }[] = [];
    const answer = await run("sleepy", { n: 200 }, { onProgress: (fraction, message) => seen.push({ fraction, message }) });
    expect(answer).toEqual({ ok: true, value: { kind: "data", items: [{ label: "Slept", value: 200 }] } });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.map((line) => line.fraction)).toEqual([...seen.map((line) => line.fraction)].sort((a, b) => a - b));
    expect(seen.at(-1)!.message).toMatch(/ms$/);
  });

  it("hands the caller's cancel to the view's own AbortSignal, which ends it cancelled", async () => {
    const cancel = new AbortController();
    const answer = run("patient", {}, { signal: cancel.signal, onProgress: () => cancel.abort() });
    expect(await answer).toEqual({ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } });
  });

  it("keeps the failure vocabulary: UserError refused, InputViolation with its fields, a bug under a reference logged here", async () => {
    expect(await run("refuses")).toEqual({ ok: false, failure: { code: "refused", message: "N is too large for this view.", fields: [] } });
    expect(await run("violates")).toEqual({
      ok: false,
      failure: { code: "invalid_input", message: "N must be even here.", fields: [{ path: "n", message: "N must be even here." }] },
    });
    const logged: { reference: string; error: unknown }[] = [];
    const broken = await run("breaks", {}, { log: (reference, error) => logged.push({ reference, error }) });
    if (broken.ok) throw new Error("expected a failure");
    expect(broken.failure).toMatchObject({ code: "internal", reference: expect.stringMatching(/^\w{8}$/) });
    expect(logged).toEqual([
      { reference: broken.failure.reference, error: expect.objectContaining({ name: "TypeError", message: "a bug in the view" }) },
    ]);
    expect((logged[0]!.error as Error).stack).toContain("a bug in the view");
  });
});
