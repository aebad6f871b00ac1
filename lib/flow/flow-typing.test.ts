/**
 * What the compiler accepts and refuses. `npx tsc --noEmit` checks this file: an `expectTypeOf`
 * that is wrong, or a `@ts-expect-error` line that compiles, fails the type check.
 */
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  flow,
  type CheckNodes,
  type EndNode,
  type StartHandleNode,
  role,
  type FlowUser,
  type JobCompute,
  type JobStorage,
  type ProcessData,
  type ProcessView,
  type TaskView,
  type TypeError,
} from "@/lib/flow";
import { changeRequest, designReview } from "./example-flows.fixture";

const reviewProcess = z.object({
  entityId: z.string(),
  approved: z.boolean().optional(),
  comment: z.string().optional(),
});
type ReviewData = z.infer<typeof reviewProcess>;

describe("process data in callbacks", () => {
  it("is the process schema's output, in every kind of callback", () => {
    flow("typed", {
      process: reviewProcess,
      nodes: ({ start, view, handler, job, ifNode, switchNode, split, join, end }) => ({
        start: start({
          form: z.object({ entityId: z.string() }),
          permission: ({ user }) => {
            expectTypeOf(user).toEqualTypeOf<FlowUser>();
            return true;
          },
        }).next("review"),
        review: view({
          title: ({ process, task }) => {
            expectTypeOf(process).toEqualTypeOf<ProcessView<ReviewData>>();
            expectTypeOf(task).toEqualTypeOf<TaskView>();
            return process.data.entityId;
          },
          assign: ({ process }) => process.createdBy,
          permission: ({ user, process }) => user.id !== process.createdBy,
          form: z.object({ approved: z.boolean() }),
        }).next("decide"),
        decide: ifNode(({ process }) => {
          expectTypeOf(process.data.approved).toEqualTypeOf<boolean | undefined>();
          return process.data.approved === true;
        })
          .then("notify")
          .else("route"),
        notify: handler(({ process }) => {
          expectTypeOf(process.data.entityId).toEqualTypeOf<string>();
          return { comment: "seen" };
        }).next("render"),
        render: job(async ({ process, storage, compute, attempt, signal }) => {
          expectTypeOf(process.data).toEqualTypeOf<Readonly<ReviewData>>();
          expectTypeOf(storage).toEqualTypeOf<JobStorage>();
          expectTypeOf(compute).toEqualTypeOf<JobCompute>();
          expectTypeOf(attempt).toEqualTypeOf<number>();
          expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
          return { approved: true };
        }).next("end"),
        route: switchNode()
          .case("both", ({ process }) => process.data.comment === undefined)
          .default("end"),
        both: split()
          .branch("left")
          .branch("right", ({ process }) => process.data.approved === false),
        left: handler(() => undefined).next("joined"),
        right: handler(() => undefined).next("joined"),
        joined: join().next("end"),
        end: end(),
      }),
    });
  });

  it("refuses a field the process schema does not have", () => {
    flow("missing-field", {
      process: reviewProcess,
      nodes: ({ startHandle, ifNode, end }) => ({
        start: startHandle().next("decide"),
        // @ts-expect-error `approve` is not a process field (the schema has `approved`).
        decide: ifNode(({ process }) => process.data.approve === true)
          .then("end")
          .else("end"),
        end: end(),
      }),
    });
  });

  it("refuses a patch of the wrong type", () => {
    flow("wrong-patch", {
      process: reviewProcess,
      nodes: ({ startHandle, handler, end }) => ({
        start: startHandle().next("set"),
        // @ts-expect-error `approved` is a boolean, not a string.
        set: handler(() => ({ approved: "yes" })).next("end"),
        end: end(),
      }),
    });
  });

  it("refuses an async handler: slow work belongs in a job, outside the process lock", () => {
    flow("async-handler", {
      process: reviewProcess,
      nodes: ({ startHandle, handler, end }) => ({
        start: startHandle().next("set"),
        // @ts-expect-error A handler returns its patch at once, not a promise.
        set: handler(async () => ({ approved: true })).next("end"),
        end: end(),
      }),
    });
  });

  it("is available from the flow, by name", () => {
    expectTypeOf<ProcessData<typeof designReview>>().toEqualTypeOf<{
      entityId: string;
      summary: string;
      approved?: boolean | undefined;
      comment?: string | undefined;
      reviewedBy?: string | undefined;
      reportFile?: string | undefined;
    }>();
    expectTypeOf(designReview.name).toEqualTypeOf<"design-review">();
    expectTypeOf(designReview.nodes.review.kind).toEqualTypeOf<"view">();
    expectTypeOf(designReview.nodes.review.name).toEqualTypeOf<"review">();
    expectTypeOf<(typeof changeRequest.nodes.checks.edges)[number]["to"]>().toEqualTypeOf<"structural" | "cost">();
  });
});

describe("node references", () => {
  it("refuses a misspelt target of every edge kind", () => {
    flow("misspelt", {
      process: reviewProcess,
      nodes: ({ startHandle, view, ifNode, switchNode, split, join, end }) => ({
        // @ts-expect-error "reviw" is not a node of this flow.
        start: startHandle().next("reviw"),
        review: view({ assign: role("reviewer") }).next("decide"),
        // @ts-expect-error "ende" is not a node of this flow.
        decide: ifNode(() => true)
          .then("review")
          .else("ende"),
        // @ts-expect-error "revew" is not a node of this flow.
        route: switchNode()
          .case("revew", () => true)
          .default("end"),
        // @ts-expect-error "lef" is not a node of this flow.
        both: split().branch("lef").branch("review"),
        joined: join().next("end"),
        end: end(),
      }),
    });
  });

  it("says which node goes where, in a sentence", () => {
    type Demand = CheckNodes<{ start: StartHandleNode<"reviw">; review: EndNode<unknown> }>;
    expectTypeOf<Demand["start"]>().toEqualTypeOf<TypeError<`node "start" goes to "reviw", which is not a node of this flow`>>();
    expectTypeOf<Demand["review"]>().toEqualTypeOf<unknown>();
  });

  it("refuses a node that is not finished", () => {
    flow("unfinished", {
      process: reviewProcess,
      nodes: ({ startHandle, view, ifNode, switchNode, split, end }) => ({
        start: startHandle().next("review"),
        // @ts-expect-error A view needs .next(target).
        review: view({ assign: role("reviewer") }),
        // @ts-expect-error An if needs .else(target).
        decide: ifNode(() => true).then("end"),
        // @ts-expect-error A switch needs .default(target).
        route: switchNode().case("end", () => true),
        // @ts-expect-error One branch is not parallel.
        both: split().branch("end"),
        end: end(),
      }),
    });
  });
});

describe("forms", () => {
  it("types the form data in merge, and the user who completed the task", () => {
    flow("form-data", {
      process: reviewProcess,
      nodes: ({ startHandle, view, end }) => ({
        start: startHandle().next("review"),
        review: view({
          assign: role("reviewer"),
          form: z.object({ verdict: z.enum(["approve", "reject"]), note: z.string() }),
          merge: ({ form, user }) => {
            expectTypeOf(form).toEqualTypeOf<{ verdict: "approve" | "reject"; note: string }>();
            expectTypeOf(user).toEqualTypeOf<FlowUser>();
            return { approved: form.verdict === "approve", comment: form.note };
          },
        }).next("end"),
        end: end(),
      }),
    });
  });

  it("copies form data onto process data by default, only when every form field is a process field", () => {
    flow("form-merge", {
      process: reviewProcess,
      nodes: ({ start, view, end }) => ({
        start: start({ form: z.object({ entityId: z.string() }), permission: "flow.start" }).next("approve"),
        approve: view({ assign: role("reviewer"), form: z.object({ approved: z.boolean() }) }).next("keep"),
        keep: view({ assign: role("reviewer"), form: z.object({ checklist: z.array(z.string()) }), merge: false }).next("confirm"),
        confirm: view({ assign: role("admin") }).next("end"),
        end: end(),
      }),
    });
    flow("form-merge-refused", {
      process: reviewProcess,
      nodes: ({ start, view, end }) => ({
        // @ts-expect-error The form does not give `entityId`, which the process needs: say how with merge.
        start: start({ form: z.object({ approved: z.boolean() }), permission: "flow.start" }).next("approve"),
        // @ts-expect-error `note` is not a process field: say where it goes with merge (or merge: false).
        approve: view({ assign: role("reviewer"), form: z.object({ approved: z.boolean(), note: z.string() }) }).next("end"),
        end: end(),
      }),
    });
  });
});

describe("options", () => {
  it("takes only the three roles", () => {
    flow("roles", {
      process: reviewProcess,
      nodes: ({ start, view, end }) => ({
        // @ts-expect-error "manager" is not a role.
        start: start({ permission: "manager" }).next("review"),
        // @ts-expect-error "manager" is not a role.
        review: view({ assign: role("manager") }).next("end"),
        end: end(),
      }),
    });
  });

  it("types a subprocess by its child flow", () => {
    const child = flow("child", {
      process: z.object({ parentEntity: z.string(), ok: z.boolean().default(false) }),
      nodes: ({ startHandle, end }) => ({ fromParent: startHandle().next("end"), end: end() }),
    });
    flow("parent", {
      process: reviewProcess,
      nodes: ({ startHandle, subprocess, end }) => ({
        start: startHandle().next("check"),
        check: subprocess(child, {
          start: "fromParent",
          data: ({ process }) => ({ parentEntity: process.data.entityId }),
          merge: ({ child }) => {
            expectTypeOf(child.data).toEqualTypeOf<Readonly<{ parentEntity: string; ok: boolean }>>();
            return { approved: child.data.ok };
          },
        }).next("end"),
        // @ts-expect-error "end" is a node of the child, but not a start handle.
        other: subprocess(child, { start: "end", data: () => ({ parentEntity: "" }) }).next("end"),
        end: end(),
      }),
    });
  });
});
