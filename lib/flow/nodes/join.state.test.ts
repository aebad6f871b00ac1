import { describe, expect, it } from "vitest";
import { joinState, type BranchState } from "@/lib/flow";

describe("joinState", () => {
  it.each<[BranchState[], ReturnType<typeof joinState>]>([
    // Every branch arrived, was canceled or ended elsewhere: nothing is open on any of them.
    [[[], []], "ready"],
    [[["assigned"], []], "waiting"],
    [[[], ["scheduled"]], "waiting"],
    // A failed task may still be revived: the join waits, and the error queue shows the task.
    [[[], ["error"]], "waiting"],
    // A nested split's tasks hold the outer join too.
    [[["new", "started"], []], "waiting"],
  ])("with open tasks %j is %s", (branches, state) => {
    expect(joinState(branches)).toBe(state);
  });
});
