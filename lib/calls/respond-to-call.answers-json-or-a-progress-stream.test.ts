import { describe, expect, it } from "vitest";
import { NDJSON, ndjsonSplitter, type OutcomeLine, type StreamLine } from "@/lib/controller/ndjson";
import { respondInline } from "./respond-to-call";

const post = (accept = "application/json", signal?: AbortSignal) =>
  new Request("http://localhost/api/x", { method: "POST", headers: { accept }, signal });
const ok: OutcomeLine = { ok: true, value: { kind: "data", items: [] } };

async function readLines(response: Response): Promise<StreamLine[]> {
  const splitter = ndjsonSplitter();
  const text = await response.text();
  return [...splitter.push(text), ...splitter.end()];
}

describe("respondInline", () => {
  it.each([
    [ok, 200],
    [{ ok: false, failure: { code: "refused", message: "No profile carries this.", fields: [] } }, 422],
    [
      { ok: false, failure: { code: "invalid_input", message: "Span too long", fields: [{ path: "span", message: "Span too long" }] } },
      422,
    ],
    [{ ok: false, failure: { code: "not_found", message: 'There is no view "x".', fields: [] } }, 404],
    [{ ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } }, 499],
    [
      {
        ok: false,
        failure: {
          code: "internal",
          message: "Something went wrong in this view (reference abcd1234).",
          fields: [],
          reference: "abcd1234",
        },
      },
      500,
    ],
  ] satisfies [OutcomeLine, number][])("answers %j as JSON with status %i", async (outcome, status) => {
    const response = await respondInline(post(), async () => outcome);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(outcome);
  });

  it("streams progress lines, then the outcome, when the client accepts NDJSON", async () => {
    const response = await respondInline(post(NDJSON), async ({ onProgress }) => {
      onProgress?.(0.25, "solving");
      await new Promise((resolve) => setTimeout(resolve, 60));
      onProgress?.(0.75, "checking");
      return ok;
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(NDJSON);
    expect(await readLines(response)).toEqual([{ progress: 0.25, message: "solving" }, { progress: 0.75, message: "checking" }, ok]);
  });

  it("sends at most one progress line per 50 ms, and always the last one before the outcome", async () => {
    const response = await respondInline(post(NDJSON), async ({ onProgress }) => {
      for (let i = 1; i <= 1000; i++) onProgress?.(i / 1000, `step ${i}`);
      return ok;
    });
    const lines = await readLines(response);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.at(-2)).toEqual({ progress: 1, message: "step 1000" });
    expect(lines.at(-1)).toEqual(ok);
  });

  it("aborts the call's signal when the client goes away or cancels the stream", async () => {
    const client = new AbortController();
    let signalOfCall: AbortSignal | undefined;
    let ended!: () => void;
    const callEnded = new Promise<void>((resolve) => (ended = resolve));
    await respondInline(post(NDJSON, client.signal), async ({ signal }) => {
      signalOfCall = signal;
      await new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve()));
      ended();
      return { ok: false, failure: { code: "cancelled", message: "Cancelled.", fields: [] } };
    });
    client.abort();
    await callEnded;
    expect(signalOfCall?.aborted).toBe(true);

    let streamSignal: AbortSignal | undefined;
    const streamed = await respondInline(post(NDJSON), async ({ signal }) => {
      streamSignal = signal;
      await new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve()));
      return ok;
    });
    await streamed.body?.cancel();
    expect(streamSignal?.aborted).toBe(true);
  });
});
