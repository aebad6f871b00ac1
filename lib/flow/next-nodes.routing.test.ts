import { describe, expect, it } from "vitest";
import { nextNodes, processHistory } from "@/lib/flow";
import { changeRequest, designReview, helloWorld } from "./example-flows.fixture";

function contextWith<D>(data: D) {
  return { process: { id: "p1", data, createdBy: "u1" }, task: { id: "t1", node: "n", ownerId: null }, history: processHistory([]) };
}

describe("nextNodes", () => {
  it("follows next", () => {
    expect(nextNodes(designReview.nodes.review, contextWith({}))).toEqual(["decide"]);
  });

  it("goes to then when the condition holds, to else when not", () => {
    expect(nextNodes(helloWorld.nodes.decide, contextWith({ text: "", outcome: "heads" }))).toEqual(["heads"]);
    expect(nextNodes(helloWorld.nodes.decide, contextWith({ text: "", outcome: "tails" }))).toEqual(["tails"]);
  });

  it("opens every branch whose condition holds", () => {
    const data = { entityId: "e1", costDelta: 0 };
    expect(nextNodes(changeRequest.nodes.checks, contextWith(data))).toEqual(["structural"]);
    expect(nextNodes(changeRequest.nodes.checks, contextWith({ ...data, costDelta: 5 }))).toEqual(["structural", "cost"]);
  });

  it("takes the first case that holds, in order, else the default", () => {
    const outcome = (data: object) => nextNodes(changeRequest.nodes.outcome, contextWith({ entityId: "e1", costDelta: 1, ...data }));
    expect(outcome({ structuralOk: true, costOk: true })).toEqual(["apply"]);
    expect(outcome({ structuralOk: true })).toEqual(["apply"]);
    expect(outcome({ structuralOk: false, costOk: false })).toEqual(["rejected"]);
    expect(outcome({ structuralOk: true, costOk: false })).toEqual(["rework"]);
  });

  it("ends at an end", () => {
    expect(nextNodes(designReview.nodes.end, contextWith({}))).toEqual([]);
  });
});
