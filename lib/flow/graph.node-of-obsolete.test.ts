import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeOf, NODE_ACTIONS, titleOf, transition } from "@/lib/flow";
import { designReview } from "./example-flows.fixture";

describe("nodeOf", () => {
  it("finds a node the flow has", () => {
    expect(nodeOf(designReview, "review")).toBe(designReview.nodes.review);
  });

  it("gives an obsolete node for a task whose node was removed", () => {
    const node = nodeOf(designReview, "secondReview");
    expect(node).toEqual({ kind: "obsolete", name: "secondReview", edges: [] });
    expect(titleOf(node)).toBe("Second review");
  });

  // Stored names come from the database: a name only an object's prototype knows must not resolve
  // to a function of Object.prototype.
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", ""])("gives an obsolete node for %j", (name) => {
    expect(nodeOf(designReview, name)).toEqual({ kind: "obsolete", name, edges: [] });
  });

  it("never throws, whatever the stored name", () => {
    const known = new Set(Object.keys(designReview.nodes));
    fc.assert(
      fc.property(fc.string(), (name) => {
        const node = nodeOf(designReview, name);
        expect(node.kind === "obsolete").toBe(!known.has(name));
        expect(node.name).toBe(name);
      }),
    );
  });

  it("lets an admin cancel an open obsolete task, and nothing more", () => {
    const node = nodeOf(designReview, "secondReview");
    expect(transition("assigned", "cancel", node.kind)).toEqual({ ok: true, to: "canceled" });
    expect(NODE_ACTIONS[node.kind]).toEqual(["cancel"]);
  });
});
