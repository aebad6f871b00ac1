import { beforeAll, describe, expect, it } from "vitest";
import { inFlowTransaction, startProcess } from "./index";
import { makeUsers, registry } from "./test-support/setup";

// Two actions that lock two processes in opposite orders deadlock; PostgreSQL aborts one
// (40P01). The runtime runs the loser again from scratch, so both succeed. A conflict that keeps
// coming back is reported as `busy` after a bounded number of attempts, not retried forever.

let users: Awaited<ReturnType<typeof makeUsers>>;
beforeAll(async () => {
  users = await makeUsers();
});

describe("the flow transaction", () => {
  it("retries the loser of a deadlock and both succeed", async () => {
    const a = await startProcess(users.engineer, { flow: "test-review" }, { text: "a" }, { registry });
    const b = await startProcess(users.engineer, { flow: "test-review" }, { text: "b" }, { registry });
    let attempts = 0;
    let arrived = 0;
    const bothHoldOne = new Promise<void>((resolve) => {
      const check = setInterval(() => arrived >= 2 && (clearInterval(check), resolve()), 5);
    });
    const lockBoth = (first: string, second: string) =>
      inFlowTransaction({ registry }, "user", users.admin.id, async (work) => {
        attempts += 1;
        await work.lock(first, "test-review");
        arrived += 1;
        if (attempts <= 2) await bothHoldOne;
        await work.lock(second, "test-review");
        return "locked both";
      });
    const results = await Promise.all([lockBoth(a.processId, b.processId), lockBoth(b.processId, a.processId)]);
    expect(results).toEqual(["locked both", "locked both"]);
    expect(attempts).toBe(3);
  });

  it("reports busy once the retries are spent", async () => {
    let attempts = 0;
    const forever = inFlowTransaction({ registry }, "user", null, async () => {
      attempts += 1;
      throw Object.assign(new Error("could not serialize access"), { code: "40001" });
    });
    await expect(forever).rejects.toMatchObject({ name: "FlowError", code: "busy", userMessage: "The process was busy; try again." });
    expect(attempts).toBe(6);
  });

  it("does not retry other errors", async () => {
    let attempts = 0;
    const failing = inFlowTransaction({ registry }, "user", null, async () => {
      attempts += 1;
      throw new Error("not a conflict");
    });
    await expect(failing).rejects.toThrow("not a conflict");
    expect(attempts).toBe(1);
  });
});
