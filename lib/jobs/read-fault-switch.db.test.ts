import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isFaultSwitchOn } from "./read-fault-switch";

it("a fault switch is on only while its setting holds JSON true", async () => {
  const states = [await isFaultSwitchOn("reportJob")];
  await db.setting.create({ data: { key: "faults.reportJob", value: true } });
  states.push(await isFaultSwitchOn("reportJob"), await isFaultSwitchOn("otherJob"));
  for (const value of [false, "true", 1]) {
    await db.setting.update({ where: { key: "faults.reportJob" }, data: { value } });
    states.push(await isFaultSwitchOn("reportJob"));
  }
  expect(states).toEqual([false, true, false, false, false, false]);
});
