import { describe, expect, it } from "vitest";
import { flowGraph } from "@/lib/flow";
import { changeRequest, designReview, helloWorld } from "./example-flows.fixture";

describe("flowGraph", () => {
  it("lists nodes with their kind and a title to draw, in the order written", () => {
    expect(flowGraph(designReview).nodes).toEqual([
      { name: "start", kind: "start", title: "Ask for a design review" },
      // A title computed from the process falls back to the name when there is no process to draw.
      { name: "review", kind: "view", title: "Review" },
      { name: "decide", kind: "if", title: "Decide" },
      { name: "revise", kind: "view", title: "Revise" },
      { name: "report", kind: "job", title: "Report" },
      { name: "end", kind: "end", title: "End" },
    ]);
  });

  it("gives next, then and else edges", () => {
    expect(flowGraph(helloWorld).edges).toEqual([
      { from: "start", to: "toss", kind: "next" },
      { from: "toss", to: "decide", kind: "next" },
      { from: "decide", to: "heads", kind: "then" },
      { from: "decide", to: "tails", kind: "else" },
    ]);
  });

  it("gives branch, case and default edges, cases in order and the default last", () => {
    expect(flowGraph(changeRequest).edges).toEqual([
      { from: "start", to: "checks", kind: "next" },
      { from: "checks", to: "structural", kind: "branch" },
      { from: "checks", to: "cost", kind: "branch" },
      { from: "structural", to: "checked", kind: "next" },
      { from: "cost", to: "checked", kind: "next" },
      { from: "checked", to: "outcome", kind: "next" },
      { from: "outcome", to: "apply", kind: "case" },
      { from: "outcome", to: "rejected", kind: "case" },
      { from: "outcome", to: "rework", kind: "default" },
      { from: "rework", to: "checks", kind: "next" },
      { from: "apply", to: "applied", kind: "next" },
    ]);
  });

  it("is plain data a client can be sent", () => {
    const graph = flowGraph(changeRequest);
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });
});
