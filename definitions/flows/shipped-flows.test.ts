import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  isPermitted,
  processHistory,
  type JobCompute,
  type JobFaults,
  type JobStorage,
  type StoredFile,
} from "@/lib/flow";
import { loadFlows } from "@/lib/flow/runtime/registry";
import * as flows from ".";
import { designReview } from "./design-review";
import { helloWorld } from "./hello-world";

const task = { id: "t1", node: "n", ownerId: null };
const history = processHistory([]);
const off: JobFaults = { isOn: async () => false };

describe("the shipped flows", () => {
  it("pass checkFlow, as the launcher and the worker run it at startup", () => {
    expect(loadFlows(Object.values(flows)).flows).toHaveLength(Object.values(flows).length);
  });
});

describe("hello world", () => {
  it("tosses heads or tails", () => {
    const outcomes = new Set(
      Array.from(
        { length: 64 },
        () => helloWorld.nodes.toss.run({ process: { id: "p", data: { text: "hi" }, createdBy: "u" }, task, history })?.outcome,
      ),
    );
    expect([...outcomes].sort()).toEqual(["heads", "tails"]);
  });
});

describe("design review", () => {
  const data = { entityId: "e1", revision: "2", summary: "IPE 300", revisionAuthorId: "reviser" };
  const process = { id: "p1", data, createdBy: "submitter" };
  const { permission, form } = designReview.nodes.review;

  it("lets no one review a revision they authored or a review they asked for (four eyes)", () => {
    const as = (id: string) => isPermitted(permission, { process, task, user: { id, roles: ["reviewer"] } });
    expect([as("someone-else"), as("submitter"), as("reviser")]).toEqual([true, false, false]);
  });

  it("wants a comment with a rejection", () => {
    expect(form.safeParse({ approved: true }).success).toBe(true);
    expect(form.safeParse({ approved: false, comment: "Check the weld." }).success).toBe(true);
    expect(form.safeParse({ approved: false, comment: "  " }).error?.issues.map((i) => i.path)).toEqual([["comment"]]);
  });

  it("renders the report at the reviewed revision and saves the PDF's bytes", async () => {
    const calls: unknown[] = [];
    const saved: { name: string; bytes: Uint8Array; contentType?: string }[] = [];
    const compute: JobCompute = {
      call: async (entityId, method, options) => {
        calls.push({ entityId, method, revision: options?.revision });
        return { kind: "pdf", fileName: "beam-report.pdf", data: Buffer.from("%PDF-1.4 bytes").toString("base64") };
      },
    };
    const storage: JobStorage = {
      put: async (name, body, options): Promise<StoredFile> => {
        saved.push({ name, bytes: body as Uint8Array, contentType: options?.contentType });
        return { key: `p1/${name}`, name, contentType: "application/pdf", size: 14 };
      },
      get: async () => null,
    };
    const patch = await designReview.nodes.report.run({
      process,
      task,
      history,
      compute,
      storage,
      faults: off,
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(patch).toEqual({ reportFile: "p1/beam-report.pdf" });
    expect(calls).toEqual([{ entityId: "e1", method: "report", revision: "2" }]);
    expect(saved.map((s) => [s.name, Buffer.from(s.bytes).toString(), s.contentType])).toEqual([
      ["beam-report.pdf", "%PDF-1.4 bytes", "application/pdf"],
    ]);
  });

  it("fails the attempt when the view does not answer a PDF", async () => {
    const compute: JobCompute = { call: async () => ({ kind: "data", items: [] }) };
    const storage: JobStorage = { put: () => Promise.reject(new Error("not reached")), get: async () => null };
    await expect(
      designReview.nodes.report.run({
        process,
        task,
        history,
        compute,
        storage,
        faults: off,
        attempt: 1,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow();
  });

  it("fails the attempt before rendering while the fault switch faults.reportJob is on, then goes to the error queue after two retries 5 s apart", async () => {
    const asked: string[] = [];
    const compute: JobCompute = { call: () => Promise.reject(new Error("not reached")) };
    const storage: JobStorage = { put: () => Promise.reject(new Error("not reached")), get: async () => null };
    const faults: JobFaults = { isOn: async (name) => (asked.push(name), true) };
    await expect(
      designReview.nodes.report.run({ process, task, history, compute, storage, faults, attempt: 1, signal: new AbortController().signal }),
    ).rejects.toThrow("The report job's fault switch is on (setting faults.reportJob).");
    expect(asked).toEqual(["reportJob"]);
    expect([1, 2, 3].map((attempt) => afterFailedAttempt(designReview.nodes.report, attempt))).toEqual([
      { action: "reschedule", delayMs: 5_000 },
      { action: "reschedule", delayMs: 5_000 },
      { action: "fail" },
    ]);
  });
});
