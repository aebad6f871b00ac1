import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCall, type GeometryResult, type PlotResult } from "@/lib/controller";
import { validateParams, withDefaults } from "@/lib/params";
import turbine from ".";
import { airDensity, power } from "./power";
import type { TurbineParams } from "./params";

const defaults = withDefaults(turbine.params, {}) as TurbineParams;

describe("the wind turbine's power (figures of VIKTOR's wind-turbine sample and the ISA atmosphere)", () => {
  it("takes the air's density from the standard atmosphere", () => {
    expect(airDensity(0)).toBeCloseTo(1.225, 6);
    expect(airDensity(1000)).toBeCloseTo(1.11166, 5);
    expect(airDensity(2000)).toBeCloseTo(1.006554, 5);
  });

  it("is the sample's figure times 16, since the rotor sweeps πR², not the sample's π(R/4)²", () => {
    expect(power(44, { radius: 5, altitude: 0, powerCoefficient: 0.35 })).toBeCloseTo(1.0523 * 16, 2);
    expect(power(99, { radius: 5, altitude: 0, powerCoefficient: 0.35 })).toBeCloseTo(16.9965 * 16, 1);
    expect(power(80, { radius: 10, altitude: 1000, powerCoefficient: 0.45 })).toBeCloseTo(39.2893 * 16, 1);
    expect(power(7, { radius: 10, altitude: 0, powerCoefficient: 0.45 })).toBe(0);
  });

  it("refuses a hub lower than the rotor radius (a computed min)", () => {
    const low = { ...defaults, geometry: { radius: 30, height: 20 } };
    const outcome = validateParams(turbine.params, low, { source: "browser" });
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      { path: "geometry.height", rule: "min", message: "Hub height must be at least 30 m" },
    ]);
  });
});

describe("the wind turbine's views", () => {
  it("puts the bundled rotor model on top of the generated tower, y up, scaled by the radius", async () => {
    const outcome = await runCall(turbine.controller!, { kind: "view", name: "geometry", params: defaults });
    const result = (outcome.ok ? outcome.value : null) as GeometryResult;
    expect(result.up).toBe("y");
    const rotor = result.objects.find((object) => object.shape === "model");
    expect(rotor).toMatchObject({ source: { asset: "rotor.glb" }, scale: 5, at: [0, 20, expect.any(Number)] });
    expect(existsSync(path.join("definitions", turbine.folder, "assets", "rotor.glb"))).toBe(true);
  });

  it("draws a bar per wind class, green where the rotor makes its rated 5 kW, with the rated line", async () => {
    // At the defaults (a 5 m rotor) the strongest class makes it and the others do not.
    const outcome = await runCall(turbine.controller!, { kind: "view", name: "classes", params: defaults });
    const result = (outcome.ok ? outcome.value : null) as PlotResult;
    expect(result.referenceLines).toEqual([{ y: 5, label: "Rated 5 kW" }]);
    const bars = result.series[0]!.points as { x: string; y: number; color: string }[];
    expect(bars.map((bar) => bar.x)).toEqual(result.x.categories);
    for (const bar of bars) expect(bar.color).toBe(bar.y >= 5 ? "#059669" : "#d97706");
    expect(new Set(bars.map((bar) => bar.color)).size).toBe(2);
  });
});
