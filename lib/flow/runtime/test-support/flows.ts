/**
 * Small flows the runtime's tests share: together they use every node kind. The shipped flows
 * live in definitions/flows.
 */
import { z } from "zod";
import { flow, role } from "@/lib/flow";

/** start → review (reviewers' queue, four eyes) → stamp (handler) → decide (if) → done, or rework by the starter → review. */
export const reviewFlow = flow("test-review", {
  version: 3,
  process: z.object({
    text: z.string(),
    approved: z.boolean().optional(),
    note: z.string().optional(),
    boom: z.boolean().optional(),
    stamped: z.number().optional(),
  }),
  nodes: ({ start, view, handler, ifNode, end }) => ({
    start: start({ form: z.object({ text: z.string().min(1) }), permission: "flow.start" }).next("review"),
    review: view({
      title: ({ process }) => `Review ${process.data.text}`,
      description: "Approve or send back",
      form: z.object({ approved: z.boolean(), note: z.string().optional(), boom: z.boolean().optional() }),
      assign: role("reviewer"),
      permission: ({ user, process }) => user.id !== process.createdBy,
      priority: 5,
      due: { days: 2 },
    }).next("stamp"),
    stamp: handler(({ process }) => {
      if (process.data.boom) throw new Error("the stamp jammed");
      return { stamped: (process.data.stamped ?? 0) + 1 };
    }).next("decide"),
    decide: ifNode(({ process }) => process.data.approved === true)
      .then("done")
      .else("rework"),
    rework: view({
      form: z.object({ text: z.string().min(1) }),
      assign: ({ process }) => process.createdBy,
      onCreate: ({ process }) => {
        if (process.data.note === "fail on create") throw new Error("could not notify the engineer");
      },
    }).next("review"),
    done: end(),
  }),
});

/** Switch on to make every job of `jobFlow` fail, whatever its data (an outage the admin waits out). */
export const outage = { on: false };

/** Code starts it; a job that fails `failTimes` times, then a handler that fails when `failAfter`. */
export const jobFlow = flow("test-job", {
  process: z.object({
    failTimes: z.number(),
    failAfter: z.boolean(),
    sleepMs: z.number().optional(),
    result: z.string().optional(),
  }),
  nodes: ({ startHandle, job, handler, end }) => ({
    start: startHandle().next("work"),
    work: job(
      async ({ process, attempt }) => {
        // Only the first attempt is slow: the fault tests kill a worker during it.
        if (process.data.sleepMs && attempt === 1) await new Promise((resolve) => setTimeout(resolve, process.data.sleepMs));
        if (attempt <= process.data.failTimes || outage.on) throw new Error(`attempt ${attempt} failed`);
        return { result: `ok on attempt ${attempt}` };
      },
      { retries: 2, backoff: { kind: "fixed", delay: { seconds: 1 } } },
    ).next("after"),
    after: handler(({ process }) => {
      if (process.data.failAfter) throw new Error("the step after the job failed");
    }).next("end"),
    end: end(),
  }),
});

/** A split with a conditional branch, a join, a switch, and a loop back to the split. */
export const parallelFlow = flow("test-parallel", {
  process: z.object({
    withCost: z.boolean(),
    structuralOk: z.boolean().optional(),
    costOk: z.boolean().optional(),
    rounds: z.number().default(0),
  }),
  nodes: ({ startHandle, split, view, join, switchNode, handler, end }) => ({
    start: startHandle().next("checks"),
    checks: split()
      .branch("structural")
      .branch("cost", ({ process }) => process.data.withCost),
    structural: view({ form: z.object({ structuralOk: z.boolean() }), assign: role("engineer") }).next("joined"),
    cost: view({ form: z.object({ costOk: z.boolean() }), assign: role("reviewer") }).next("joined"),
    joined: join().next("count"),
    count: handler(({ process }) => ({ rounds: process.data.rounds + 1 })).next("outcome"),
    outcome: switchNode()
      .case("accepted", ({ process }) => process.data.structuralOk === true && process.data.costOk !== false)
      .case("rejected", ({ process }) => process.data.rounds >= 3)
      .default("again"),
    again: view({ form: z.object({ withCost: z.boolean() }), assign: ({ process }) => process.createdBy }).next("checks"),
    accepted: end(),
    rejected: end(),
  }),
});

/** A child a subprocess starts: a reviewer confirms, then it doubles `n`. */
export const childFlow = flow("test-child", {
  process: z.object({ n: z.number(), doubled: z.number().optional() }),
  nodes: ({ startHandle, view, handler, end }) => ({
    start: startHandle().next("confirm"),
    confirm: view({ assign: role("reviewer") }).next("double"),
    double: handler(({ process }) => ({ doubled: process.data.n * 2 })).next("end"),
    end: end(),
  }),
});

/** A child that runs straight to its end, in the parent's transaction. */
export const instantChildFlow = flow("test-instant-child", {
  process: z.object({ n: z.number(), squared: z.number().optional() }),
  nodes: ({ startHandle, handler, end }) => ({
    start: startHandle().next("square"),
    square: handler(({ process }) => ({ squared: process.data.n ** 2 })).next("end"),
    end: end(),
  }),
});

/** Runs a child process and takes its result; then a reviewer looks. */
export const parentFlow = flow("test-parent", {
  process: z.object({ n: z.number(), instant: z.boolean(), result: z.number().optional() }),
  nodes: ({ startHandle, ifNode, subprocess, view, end }) => ({
    start: startHandle().next("which"),
    which: ifNode(({ process }) => process.data.instant)
      .then("quick")
      .else("slow"),
    slow: subprocess(childFlow, {
      start: "start",
      data: ({ process }) => ({ n: process.data.n }),
      merge: ({ child }) => ({ result: child.data.doubled }),
    }).next("look"),
    quick: subprocess(instantChildFlow, {
      start: "start",
      data: ({ process }) => ({ n: process.data.n }),
      merge: ({ child }) => ({ result: child.data.squared }),
    }).next("look"),
    look: view({ assign: role("reviewer") }).next("end"),
    end: end(),
  }),
});

/** What `jobThenViewFlow`'s onCreate hook saw, in order. */
export const created: string[] = [];

/** A job, then a view whose `onCreate` hook fails when the data says so. */
export const jobThenViewFlow = flow("test-job-then-view", {
  process: z.object({ failOnCreate: z.boolean(), done: z.boolean().optional() }),
  nodes: ({ startHandle, job, view, end }) => ({
    start: startHandle().next("work"),
    work: job(async () => ({ done: true }), { retries: 0 }).next("check"),
    check: view({
      assign: role("reviewer"),
      onCreate: ({ process, task }) => {
        if (process.data.failOnCreate) throw new Error("could not tell the reviewers");
        created.push(task.id);
      },
    }).next("end"),
    end: end(),
  }),
});

export const testFlows = [reviewFlow, jobFlow, parallelFlow, parentFlow, jobThenViewFlow];
