import { describe, expect, it } from "vitest";
import {
  assigneeOf,
  descriptionOf,
  dueAt,
  humanize,
  isPermitted,
  priorityOf,
  processHistory,
  role,
  titleOf,
  type FlowUser,
} from "@/lib/flow";

const ctx = {
  process: { id: "p1", data: { n: 2 }, createdBy: "engineer-1" },
  task: { id: "t1", node: "review", ownerId: null },
  history: processHistory([]),
};
const reviewer: FlowUser = { id: "reviewer-1", roles: ["reviewer"] };
const now = new Date("2026-11-23T09:00:00Z");

describe("assignment", () => {
  it("offers a task to a role, or assigns it to the user a function returns", () => {
    expect(assigneeOf(role("reviewer"), ctx)).toEqual({ role: "reviewer" });
    expect(assigneeOf(({ process }) => process.createdBy, ctx)).toEqual({ user: "engineer-1" });
    expect(assigneeOf(() => role("admin"), ctx)).toEqual({ role: "admin" });
  });
});

describe("permission", () => {
  it("admits holders of a named permission, anyone signed in, whoever a predicate accepts, and everyone when there is none", () => {
    expect(isPermitted("task.work", { ...ctx, user: reviewer })).toBe(true);
    expect(isPermitted("flow.manage", { ...ctx, user: reviewer })).toBe(false);
    expect(isPermitted("flow.start", { ...ctx, user: reviewer })).toBe(false);
    expect(isPermitted("anyone", { ...ctx, user: { id: "u", roles: [] } })).toBe(true);
    const fourEyes = ({ user, process }: typeof ctx & { user: FlowUser }) => user.id !== process.createdBy;
    expect(isPermitted(fourEyes, { ...ctx, user: reviewer })).toBe(true);
    expect(isPermitted(fourEyes, { ...ctx, user: { id: "engineer-1", roles: ["reviewer"] } })).toBe(false);
    expect(isPermitted(undefined, { ...ctx, user: reviewer })).toBe(true);
  });
});

describe("due time and priority", () => {
  it("counts a due duration from when the task is created", () => {
    expect(dueAt({ days: 3, hours: 2 }, ctx, now)).toEqual(new Date("2026-11-26T11:00:00Z"));
    expect(dueAt(({ now: created }) => new Date(created.getTime() + 1000), ctx, now)).toEqual(new Date("2026-11-23T09:00:01Z"));
    expect(dueAt(undefined, ctx, now)).toBeNull();
  });

  it("is 0 unless set, fixed or computed", () => {
    expect(priorityOf(undefined, ctx)).toBe(0);
    expect(priorityOf(3, ctx)).toBe(3);
    expect(priorityOf(({ process }) => process.data.n * 10, ctx)).toBe(20);
  });
});

describe("titles", () => {
  it.each([
    ["review", "Review"],
    ["checkCost", "Check cost"],
    ["design-review", "Design review"],
    ["start_handle", "Start handle"],
    ["review2", "Review2"],
  ])("puts %j in words as %j", (name, words) => {
    expect(humanize(name)).toBe(words);
  });

  it("uses the text, computes it from the process, or falls back to the name", () => {
    expect(titleOf({ name: "review", title: "Check it" }, ctx)).toBe("Check it");
    expect(titleOf({ name: "review", title: ({ process }) => `Check ${process.data.n}` }, ctx)).toBe("Check 2");
    expect(titleOf({ name: "review", title: () => "computed" })).toBe("Review");
    expect(titleOf({ name: "checkCost" }, ctx)).toBe("Check cost");
    expect(descriptionOf({ name: "review" }, ctx)).toBe("");
  });
});
