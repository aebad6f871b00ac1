import { describe, expect, it } from "vitest";
import { describeButtons } from "@/lib/controller/describe-buttons";
import { beamButtons } from "./beam/buttons";
import { allButtonInfo } from "./buttons-registry";
import { entityTypes } from "./registry";
import { controller } from "@/lib/controller";
import { beamParams } from "./beam/params";

describe("the browser's buttons registry", () => {
  it("states every registered controller's buttons as the controller declares them", () => {
    for (const type of entityTypes) {
      const declared = type.controller ? describeButtons(type.controller) : {};
      expect(allButtonInfo()[type.name] ?? {}, type.name).toEqual(declared);
    }
  });

  it("states the beam's buttons (whichever controller holds them)", () => {
    expect(allButtonInfo().beam).toEqual(describeButtons(controller(beamParams, { views: {}, buttons: beamButtons })));
  });
});
