import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_JOB_BACKOFF, emptyForm, flow, processHistory, role, type NodeBuilders } from "@/lib/flow";
import { nodeBuilders } from "../node";

// The builders as a flow with process data `{ a: number }` receives them.
const builders: NodeBuilders<{ a: number }> = nodeBuilders;
const { view, split, switchNode, ifNode, job, start, end } = builders;
const user = { id: "u1", roles: ["reviewer"] as const };
const ctx = {
  process: { id: "p1", data: { a: 1 }, createdBy: "u0" },
  task: { id: "t1", node: "n", ownerId: null },
  history: processHistory([]),
  user,
};

describe("node builders", () => {
  it("never change a step: every step returns a new value", () => {
    const step = view({ assign: role("reviewer") });
    const toA = step.next("a");
    const toB = step.next("b");
    expect(toA.edges).toEqual([{ kind: "next", to: "a" }]);
    expect(toB.edges).toEqual([{ kind: "next", to: "b" }]);
    expect(step).toMatchObject({ edges: [] });

    const oneBranch = split().branch("a");
    const ab = oneBranch.branch("b");
    const ac = oneBranch.branch("c");
    expect(ab.edges.map((edge) => edge.to)).toEqual(["a", "b"]);
    expect(ac.edges.map((edge) => edge.to)).toEqual(["a", "c"]);

    const cases = switchNode().case("a", () => true);
    expect(cases.default("x").edges.map((edge) => edge.kind)).toEqual(["case", "default"]);
    expect(
      cases
        .case("b", () => false)
        .default("y")
        .edges.map((edge) => edge.to),
    ).toEqual(["a", "b", "y"]);
  });

  it("freeze what they build", () => {
    const node = ifNode(() => true)
      .then("a")
      .else("b");
    expect(Object.isFrozen(node)).toBe(true);
    expect(Object.isFrozen(node.edges)).toBe(true);
    expect(Object.isFrozen(view({ assign: role("admin") }).next("a"))).toBe(true);
  });

  it("give a view no fields and copy its form data onto the process by default", () => {
    const plain = view({ assign: role("admin") }).next("a");
    expect(plain.form).toBe(emptyForm);
    const approve = view({ assign: role("admin"), form: z.object({ a: z.number() }) }).next("a");
    expect(approve.merge({ ...ctx, form: { a: 2 } })).toEqual({ a: 2 });
  });

  it("keep form data on the task only with merge: false", () => {
    const checklist = view({ assign: role("admin"), form: z.object({ items: z.array(z.string()) }), merge: false }).next("a");
    expect(checklist.merge({ ...ctx, form: { items: ["x"] } })).toEqual({});
  });

  it("make the start form's data the process data by default", () => {
    const node = start({ form: z.object({ a: z.number() }), permission: "flow.start" }).next("a");
    expect(node.merge({ form: { a: 3 }, user })).toEqual({ a: 3 });
  });

  it("give a job 5 retries and exponential backoff by default", () => {
    const node = job(async () => undefined).next("a");
    expect(node.retries).toBe(5);
    expect(node.backoff).toBe(DEFAULT_JOB_BACKOFF);
    expect(job(async () => undefined, { retries: 0 }).next("a").retries).toBe(0);
  });
});

describe("flow", () => {
  const example = flow("example", {
    process: z.object({ a: z.number() }),
    nodes: ({ startHandle }) => ({ first: startHandle().next("last"), last: end() }),
  });

  it("is version 1 unless it says otherwise", () => {
    expect(example.version).toBe(1);
  });

  it("gives each node its name, keeps their order and freezes them", () => {
    expect(Object.keys(example.nodes)).toEqual(["first", "last"]);
    expect(example.nodes.first).toEqual({ kind: "startHandle", name: "first", edges: [{ kind: "next", to: "last" }] });
    expect(Object.isFrozen(example)).toBe(true);
    expect(Object.isFrozen(example.nodes)).toBe(true);
    expect(Object.isFrozen(example.nodes.last)).toBe(true);
  });
});
