import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkFlow, findFlowProblems, flow, FlowDefinitionError, role, type AnyFlow, type NodeBuilders } from "@/lib/flow";
import { changeRequest, designReview, helloWorld } from "./example-flows.fixture";

const process = z.object({ count: z.number() });
type Builders = NodeBuilders<z.output<typeof process>>;

/**
 * A flow the compiler would refuse (or that only the whole graph shows to be wrong), built past it,
 * as plain JavaScript or a cast could.
 */
function uncheckedFlow(nodes: (build: Builders) => object, name = "broken", version = 1): AnyFlow {
  return flow(name, { version, process, nodes: nodes as never });
}

const child = flow("child", {
  process: z.object({}),
  nodes: ({ startHandle, end }) => ({ fromParent: startHandle().next("end"), end: end() }),
});

describe("checkFlow", () => {
  it.each([helloWorld, designReview, changeRequest])("finds nothing wrong with $name", (example) => {
    expect(findFlowProblems(example)).toEqual([]);
    expect(() => checkFlow(example)).not.toThrow();
  });

  it.each<{ problem: string; flow: AnyFlow; expected: { code: string; node?: string }[] }>([
    {
      problem: "no start node",
      flow: uncheckedFlow(({ handler, end }) => ({ work: handler(() => undefined).next("end"), end: end() })),
      expected: [{ code: "no-start" }],
    },
    {
      problem: "no end node",
      flow: uncheckedFlow(({ startHandle, view }) => ({
        start: startHandle().next("a"),
        a: view({ assign: role("engineer") }).next("b"),
        b: view({ assign: role("engineer") }).next("a"),
      })),
      expected: [{ code: "no-end" }],
    },
    {
      problem: "an unreachable node",
      flow: uncheckedFlow(({ startHandle, view, end }) => ({
        start: startHandle().next("end"),
        orphan: view({ assign: role("engineer") }).next("end"),
        end: end(),
      })),
      expected: [{ code: "unreachable", node: "orphan" }],
    },
    {
      problem: "nodes with no way to an end",
      flow: uncheckedFlow(({ startHandle, view, ifNode, end }) => ({
        start: startHandle().next("decide"),
        decide: ifNode(() => true)
          .then("end")
          .else("a"),
        a: view({ assign: role("engineer") }).next("b"),
        b: view({ assign: role("engineer") }).next("a"),
        end: end(),
      })),
      expected: [
        { code: "no-way-to-end", node: "a" },
        { code: "no-way-to-end", node: "b" },
      ],
    },
    {
      problem: "an if without else",
      flow: uncheckedFlow(({ startHandle, ifNode, end }) => ({
        start: startHandle().next("decide"),
        decide: ifNode(() => true).then("end"),
        end: end(),
      })),
      expected: [{ code: "if-without-else", node: "decide" }],
    },
    {
      problem: "a view without next",
      flow: uncheckedFlow(({ startHandle, view }) => ({
        start: startHandle().next("review"),
        review: view({ assign: role("reviewer") }),
      })),
      expected: [{ code: "missing-next", node: "review" }, { code: "no-end" }],
    },
    {
      problem: "a switch without default",
      flow: uncheckedFlow(({ startHandle, switchNode, end }) => ({
        start: startHandle().next("route"),
        route: switchNode().case("end", () => true),
        end: end(),
      })),
      expected: [{ code: "switch-without-default", node: "route" }],
    },
    {
      problem: "a split with one branch",
      flow: uncheckedFlow(({ startHandle, split, end }) => ({
        start: startHandle().next("fork"),
        fork: split().branch("end"),
        end: end(),
      })),
      expected: [{ code: "split-single-branch", node: "fork" }],
    },
    {
      problem: "a misspelt target",
      flow: uncheckedFlow(({ startHandle, end }) => ({ start: startHandle().next("ende"), end: end() })),
      expected: [
        { code: "unknown-target", node: "start" },
        { code: "no-way-to-end", node: "start" },
        { code: "unreachable", node: "end" },
      ],
    },
    {
      problem: "an edge back into a start node",
      flow: uncheckedFlow(({ startHandle, view, end }) => ({
        start: startHandle().next("again"),
        again: view({ assign: role("engineer") }).next("start"),
        end: end(),
      })),
      expected: [
        { code: "edge-into-start", node: "again" },
        { code: "no-way-to-end", node: "start" },
        { code: "no-way-to-end", node: "again" },
        { code: "unreachable", node: "end" },
      ],
    },
    {
      problem: "a join with a single incoming edge",
      flow: uncheckedFlow(({ startHandle, split, join, view, end }) => ({
        start: startHandle().next("fork"),
        fork: split().branch("a").branch("end"),
        a: view({ assign: role("engineer") }).next("joined"),
        joined: join().next("end"),
        end: end(),
      })),
      expected: [{ code: "join-single-input", node: "joined" }],
    },
    {
      // An if's two ways meet at a join: no split opened branches, so the join cannot complete.
      problem: "a join fed by an if instead of a split",
      flow: uncheckedFlow(({ startHandle, ifNode, join, view, end }) => ({
        start: startHandle().next("decide"),
        decide: ifNode(() => true)
          .then("a")
          .else("b"),
        a: view({ assign: role("engineer") }).next("joined"),
        b: view({ assign: role("engineer") }).next("joined"),
        joined: join().next("end"),
        end: end(),
      })),
      expected: [
        { code: "join-outside-split", node: "joined" },
        { code: "join-outside-split", node: "joined" },
      ],
    },
    {
      problem: "a loop of handlers and gateways that never waits",
      flow: uncheckedFlow(({ startHandle, handler, ifNode, end }) => ({
        start: startHandle().next("toss"),
        toss: handler(({ process }) => ({ count: process.data.count + 1 })).next("decide"),
        decide: ifNode(({ process }) => process.data.count > 3)
          .then("end")
          .else("toss"),
        end: end(),
      })),
      expected: [{ code: "automatic-loop", node: "toss" }],
    },
    {
      problem: "a subprocess started at a node that is not a start handle",
      flow: uncheckedFlow(({ startHandle, subprocess, end }) => ({
        start: startHandle().next("sub"),
        sub: subprocess(child, { start: "end" as never, data: () => ({}) }).next("end"),
        end: end(),
      })),
      expected: [{ code: "subprocess-without-start-handle", node: "sub" }],
    },
    {
      problem: "a value that is not a node",
      flow: uncheckedFlow(({ startHandle, end }) => ({ start: startHandle().next("end"), end: end(), note: "draft" })),
      expected: [{ code: "not-a-node", node: "note" }],
    },
    {
      problem: "names that cannot be stored",
      flow: uncheckedFlow(({ startHandle, end }) => ({ start: startHandle().next("the-end"), "the-end": end() }), "Design Review", 0),
      expected: [{ code: "invalid-flow-name" }, { code: "invalid-version" }, { code: "invalid-node-name", node: "the-end" }],
    },
  ])("finds $problem", ({ flow: broken, expected }) => {
    const problems = findFlowProblems(broken);
    expect(problems.map(({ code, node }) => (node === undefined ? { code } : { code, node }))).toEqual(expected);
    for (const problem of problems) expect(problem.message).toMatch(/\w/);
  });

  it("throws every problem at once, in one readable error", () => {
    const broken = uncheckedFlow(({ startHandle, ifNode, end }) => ({
      start: startHandle().next("decide"),
      decide: ifNode(() => true).then("end"),
      stray: end(),
      end: end(),
    }));
    expect(() => checkFlow(broken)).toThrow(FlowDefinitionError);
    expect(() => checkFlow(broken)).toThrow(
      [
        'Flow "broken" cannot run:',
        '  - node "decide" needs .then(target).else(target)',
        '  - node "stray" cannot be reached from a start node',
      ].join("\n"),
    );
  });

  it("accepts nested splits and a loop that goes back through a split", () => {
    const nested = uncheckedFlow(({ startHandle, split, join, view, end }) => ({
      start: startHandle().next("outer"),
      outer: split().branch("inner").branch("c"),
      inner: split().branch("a").branch("b"),
      a: view({ assign: role("engineer") }).next("innerJoin"),
      b: view({ assign: role("engineer") }).next("innerJoin"),
      innerJoin: join().next("outerJoin"),
      c: view({ assign: role("engineer") }).next("outerJoin"),
      outerJoin: join().next("end"),
      end: end(),
    }));
    expect(findFlowProblems(nested)).toEqual([]);
  });

  // Issue 11: the engine ran this shape (three reviews, two of which end it), but checkFlow counted
  // one incoming edge and refused it.
  it("accepts one edge carrying several branches of a split, or of a first split, into a join", () => {
    const reviews = uncheckedFlow(({ startHandle, split, splitFirst, join, view, end }) => ({
      start: startHandle().next("fork"),
      fork: split().branch("review").branch("review").branch("review"),
      review: view({ assign: role("reviewer") }).next("reviewed"),
      reviewed: join().next("race"),
      race: splitFirst().branch("fast").branch("slow"),
      fast: view({ assign: role("engineer") }).next("raced"),
      slow: view({ assign: role("engineer") }).next("raced"),
      raced: join().next("end"),
      end: end(),
    }));
    expect(findFlowProblems(reviews)).toEqual([]);
  });

  it("refuses a first split with one branch", () => {
    const single = uncheckedFlow(({ startHandle, splitFirst, view, end }) => ({
      start: startHandle().next("race"),
      race: splitFirst().branch("a"),
      a: view({ assign: role("engineer") }).next("end"),
      end: end(),
    }));
    expect(findFlowProblems(single)).toEqual([expect.objectContaining({ code: "split-single-branch", node: "race" })]);
  });
});
