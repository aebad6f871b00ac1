import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultResponse } from "@/lib/http/respond";
import { install } from "@/lib/installation/install";
import { BUSY_MESSAGE, closeCallThreads } from "./call-threads";
import { dispatchCall } from "./dispatch-call";
import runaway, { RUNAWAY_TYPE } from "./test-support/runaway-installation";

// What a runaway view does to the process that runs it. Before the call threads, a view ran on the
// event loop of the process: an endless loop hung every request for good, a runaway allocation
// ended the process, and a cancelled call stuck in a loop went on. Now each fails its own call.

const HEAP_MB = 64;
process.env.GUSSET_CALL_HEAP_MB = String(HEAP_MB);
process.env.GUSSET_CALL_THREADS = "2";
process.env.GUSSET_CALL_QUEUE = "1";

const entity = { id: "e1", name: "Runaway one", type: RUNAWAY_TYPE };
const run = (name: string, params: unknown = { n: 1 }, options: Parameters<typeof dispatchCall>[2] = {}) =>
  dispatchCall({ entity }, { kind: "view", name, params }, options);

beforeAll(async () => {
  install(runaway);
  expect(await run("quick")).toMatchObject({ ok: true });
});
afterAll(() => closeCallThreads());

describe("a runaway view", () => {
  it("allocating without bound fails with the memory message, and the process's memory comes back", { timeout: 60_000 }, async () => {
    const before = process.memoryUsage().rss;
    expect(await run("hoard")).toEqual({
      ok: false,
      failure: {
        code: "refused",
        message: `This view needed more memory than its limit of ${HEAP_MB} MB and was stopped. Try other inputs, or ask its author to make it use less.`,
        fields: [],
      },
    });
    // The thread's heap went with the thread: what is left is less than one heap limit.
    expect(process.memoryUsage().rss - before).toBeLessThan(HEAP_MB * 1024 * 1024);
    expect(await run("quick", { n: 2 })).toMatchObject({ ok: true, value: { items: [{ label: "Twice", value: 4 }, {}] } });
  });

  it("stuck in a loop ends cancelled when its caller cancels, before its time limit", { timeout: 60_000 }, async () => {
    const cancel = new AbortController();
    const stuck = await run("stuck", {}, { signal: cancel.signal, onProgress: () => cancel.abort() });
    // At its time limit (30 s) it would fail refused; it ended at the cancel, its thread terminated.
    expect(stuck).toEqual({ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } });
    expect(await run("quick")).toMatchObject({ ok: true });
  });

  it("answers busy (503, Retry-After) when every thread is taken and the queue is full", { timeout: 60_000 }, async () => {
    // 2 threads and a queue of 1: of 5 calls at once, 3 run or wait, 2 find no room.
    const answers = await Promise.all(Array.from({ length: 5 }, () => run("sleepy", { n: 300 })));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(3);
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused).toEqual([1, 2].map(() => ({ ok: false, failure: { code: "busy", message: BUSY_MESSAGE, fields: [] } })));
    const busy = refused[0]!;
    // Room again once they answered.
    expect(await run("quick")).toMatchObject({ ok: true });
    const response = resultResponse(busy);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
  });
});
