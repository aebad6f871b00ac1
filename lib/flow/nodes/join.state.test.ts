import { describe, expect, it } from "vitest";
import { joinState, type BranchState } from "@/lib/flow";

describe("joinState", () => {
  it.each<[BranchState[], ReturnType<typeof joinState>]>([
    [["arrived", "arrived"], "ready"],
    [["arrived", "assigned"], "waiting"],
    [["arrived", "scheduled"], "waiting"],
    // A failed task may still be revived: the join waits, and the error queue shows the task.
    [["arrived", "error"], "waiting"],
    // A canceled branch can no longer arrive: the join can never complete.
    [["arrived", "canceled"], "stuck"],
    [["started", "canceled"], "stuck"],
    [["done", "arrived"], "stuck"],
  ])("with branches %j is %s", (branches, state) => {
    expect(joinState(branches)).toBe(state);
  });
});
