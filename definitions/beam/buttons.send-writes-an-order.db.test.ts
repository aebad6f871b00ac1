import { afterAll, describe, expect, it } from "vitest";
import { controller, runCall, type CallOptions, type Controller } from "@/lib/controller";
import { storage } from "@/lib/controller/storage";
import { pool } from "@/lib/db/pool";
import { withDefaults } from "@/lib/params";
import { beamButtons, FABRICATION_WORKSPACE } from "./buttons";
import { beamParams } from "./params";

const callButton = (c: Controller, name: string, params: unknown, options?: CallOptions) =>
  runCall(c, { kind: "button" as const, name, params }, options);

afterAll(() => pool.end()); // storage's pool: closed before the test database is dropped

describe("send to the fabricator", () => {
  it("writes a JSON order with the profile, length and mass to the fabrication workspace, and answers its key", async () => {
    const outcome = await callButton(controller(beamParams, { views: {}, buttons: beamButtons }), "send", withDefaults(beamParams, {}), {
      entity: { id: "e7", name: "Beam B-7", type: "beam" },
    });
    expect(outcome).toEqual({
      ok: true,
      value: {
        kind: "action",
        message: expect.stringMatching(/^Sent to the fabricator: IPE 300 S355, 6 m, 253\.\d kg \(order orders\/e7\/.+\.json\)\.$/),
      },
    });
    const orders = await storage(FABRICATION_WORKSPACE).list("orders/e7/");
    expect(orders).toHaveLength(1);
    expect(await storage(FABRICATION_WORKSPACE).getJson(orders[0]!.key)).toMatchObject({
      kind: "gusset.fabrication-order",
      entity: { id: "e7", name: "Beam B-7" },
      profile: "IPE 300",
      grade: "S355",
      lengthM: 6,
      massKgPerM: expect.closeTo(42.2, 0),
      maxUnityCheck: expect.any(Number),
    });
  });
});
