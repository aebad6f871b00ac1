import { describe, expect, it } from "vitest";
import { assigneeOf, isPermitted, processHistory, type JobCompute, type JobStorage, type StoredFile } from "@/lib/flow";
import { designReview, helloWorld } from "./example-flows.fixture";

const task = { id: "t1", node: "n", ownerId: null };
const history = processHistory([]);
const requester = { id: "engineer-1", roles: ["engineer", "reviewer"] as const };
const reviewer = { id: "reviewer-1", roles: ["reviewer"] as const };
const reviewData = { entityId: "beam-7", summary: "IPE 300 span" };
const reviewProcess = { id: "p1", data: reviewData, createdBy: requester.id };

describe("hello world", () => {
  it("tosses heads or tails", () => {
    const patch = helloWorld.nodes.toss.run({ process: { id: "p1", data: { text: "hi" }, createdBy: "u1" }, task, history });
    expect(patch).toEqual({ outcome: expect.stringMatching(/^(heads|tails)$/) });
  });
});

describe("design review", () => {
  it("lets a reviewer review, but not the engineer who asked (four eyes)", () => {
    const { permission } = designReview.nodes.review;
    expect(isPermitted(permission, { process: reviewProcess, task, user: reviewer })).toBe(true);
    expect(isPermitted(permission, { process: reviewProcess, task, user: requester })).toBe(false);
  });

  it("records the verdict and who gave it", () => {
    const form = designReview.nodes.review.form.parse({ approved: false, comment: "check the weld" });
    expect(designReview.nodes.review.merge({ process: reviewProcess, task, history, user: reviewer, form })).toEqual({
      approved: false,
      comment: "check the weld",
      reviewedBy: "reviewer-1",
    });
  });

  it("renders the report through compute and saves it to storage", async () => {
    const saved: string[] = [];
    const storage: JobStorage = {
      put: async (name, body): Promise<StoredFile> => {
        saved.push(`${name}: ${String(body)}`);
        return { key: `p1/${name}`, name, contentType: "application/json", size: String(body).length };
      },
      get: async () => null,
    };
    const compute: JobCompute = { call: async (entityId, method) => ({ entityId, method }) };
    const patch = await designReview.nodes.report.run({
      process: reviewProcess,
      task,
      history,
      storage,
      compute,
      faults: { isOn: async () => false },
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(patch).toEqual({ reportFile: "p1/review.json" });
    expect(saved).toEqual(['review.json: {"entityId":"beam-7","method":"report"}']);
    expect(designReview.nodes.report.retries).toBe(3);
  });

  it("sends a rejected design back to the engineer who asked", () => {
    expect(assigneeOf(designReview.nodes.revise.assign, { process: reviewProcess, task, history })).toEqual({ user: "engineer-1" });
  });
});
