import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { number, parametrization } from "@/lib/params";
import { cubeController } from "@/definitions/cube";
import {
  controller,
  runCall,
  type CallOptions,
  type Controller,
  ControllerDefinitionError,
  dataView,
  InputViolation,
  plotView,
  UserError,
  type DataResult,
} from "./index";

const beamLike = parametrization({ span: number("Span", { min: 1, max: 30, default: 6, suffix: "m" }) });

const checks = controller(beamLike, {
  views: {
    check: dataView("Check", ({ params }) => {
      if (params.span > 25) throw new UserError("No profile in the table carries a span over 25 m.");
      if (params.span > 20) throw new InputViolation([{ path: "span", message: "Span must be at most 20 m for a simply supported beam" }]);
      if (params.span === 13) throw new Error("a bug with secret details");
      return { kind: "data", items: [{ label: "UC", value: params.span / 20, decimals: 2 }] };
    }),
    plot: plotView("Moments", { durationGuess: 10 }, async ({ params, progress }) => {
      progress(0.5, "solving");
      return {
        kind: "plot",
        x: { label: "x", unit: "m" },
        y: { label: "M", unit: "kNm" },
        series: [
          {
            name: "M",
            type: "line",
            points: [
              [0, 0],
              [params.span, 0],
            ],
          },
        ],
      };
    }),
  },
});

const callView = (c: Controller, name: string, params: unknown, options?: CallOptions) =>
  runCall(c, { kind: "view" as const, name, params }, options);

describe("runCall of a view: one stateless call, params in, result out", () => {
  it("runs the Cube's volume view from the params alone", async () => {
    const outcome = await callView(cubeController, "volume", { length: 2, width: 3, height: 4 });
    expect(outcome).toEqual({
      ok: true,
      value: { kind: "data", items: expect.arrayContaining([{ label: "Volume", value: 24, suffix: "m³", decimals: 3 }]) },
    });
  });

  it("gives each call the same answer for the same params (nothing kept between calls)", async () => {
    const a = await callView(cubeController, "model", { length: 1, width: 2, height: 3 });
    await callView(cubeController, "model", { length: 9, width: 9, height: 9 });
    const b = await callView(cubeController, "model", { length: 1, width: 2, height: 3 });
    expect(b).toEqual(a);
  });

  it("validates params exactly as a browser's are: a value out of range is refused with its field path", async () => {
    const outcome = await callView(cubeController, "volume", { length: 500, width: 1, height: 1 });
    expect(outcome).toEqual({
      ok: false,
      failure: {
        code: "invalid_input",
        message: expect.stringMatching(/Length must be at most 100/),
        fields: [{ path: "length", message: expect.any(String) }],
      },
    });
  });

  it("refuses a view that does not exist, including inherited names", async () => {
    for (const name of ["nope", "constructor", "__proto__", "toString"]) {
      expect(await callView(cubeController, name, {})).toEqual({
        ok: false,
        failure: { code: "not_found", message: `There is no view "${name}".`, fields: [] },
      });
    }
  });

  it("shows a UserError's message as it is", async () => {
    expect(await callView(checks, "check", { span: 26 })).toEqual({
      ok: false,
      failure: { code: "refused", message: "No profile in the table carries a span over 25 m.", fields: [] },
    });
  });

  it("turns an InputViolation into the fields to mark in the form", async () => {
    const outcome = await callView(checks, "check", { span: 21 });
    expect(outcome).toEqual({
      ok: false,
      failure: {
        code: "invalid_input",
        message: "Span must be at most 20 m for a simply supported beam",
        fields: [{ path: "span", message: "Span must be at most 20 m for a simply supported beam" }],
      },
    });
  });

  it("answers any other error with a reference only, and logs the whole error under it", async () => {
    const log = vi.fn();
    const outcome = await callView(checks, "check", { span: 13 }, { log });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.failure.code !== "internal") throw new Error("expected an internal failure");
    expect(outcome.failure.message).toBe(`Something went wrong in this view (reference ${outcome.failure.reference}).`);
    expect(JSON.stringify(outcome)).not.toContain("secret");
    expect(log).toHaveBeenCalledWith(outcome.failure.reference, expect.objectContaining({ message: "a bug with secret details" }));
  });

  it("reports progress, clamped to 0..1, and answers a cancelled call as cancelled", async () => {
    const progress = vi.fn();
    await callView(checks, "plot", { span: 5 }, { onProgress: progress });
    expect(progress).toHaveBeenCalledWith(0.5, "solving");
    const aborted = new AbortController();
    aborted.abort();
    expect(await callView(checks, "plot", { span: 5 }, { signal: aborted.signal })).toEqual({
      ok: false,
      failure: { code: "cancelled", message: "Cancelled.", fields: [] },
    });
  });
});

describe("controller()", () => {
  it("types each view's params from the parametrization", () => {
    controller(beamLike, {
      views: {
        typed: dataView("Typed", ({ params }) => {
          expectTypeOf(params).toEqualTypeOf<{ span: number }>();
          return { kind: "data", items: [] } satisfies DataResult;
        }),
        // @ts-expect-error -- a data view must return a data result
        wrong: dataView("Wrong", () => ({ kind: "image", format: "svg", data: "", alt: "" })),
      },
    });
  });

  it("refuses a summary fed by a slow view, a missing view or a view that is not a data view", () => {
    expect(() => controller(beamLike, { views: checks.views, summary: { m: { label: "M", view: "plot", item: "M" } } })).toThrow(
      ControllerDefinitionError,
    );
    expect(() => controller(beamLike, { views: checks.views, summary: { m: { label: "M", view: "plot", item: "M" } } })).toThrow(
      /plot view, not a data view/,
    );
    const slowData = controller(beamLike, { views: { fem: dataView("FEM", { durationGuess: 30 }, () => ({ kind: "data", items: [] })) } });
    expect(() => controller(beamLike, { views: slowData.views, summary: { uc: { label: "UC", view: "fem", item: "UC" } } })).toThrow(
      /slow view "fem" \(durationGuess 30 s\): a slow view cannot feed the summary/,
    );
    // @ts-expect-error -- "nope" is not a view of this controller
    expect(() => controller(beamLike, { views: checks.views, summary: { x: { label: "X", view: "nope", item: "X" } } })).toThrow(
      /not a view/,
    );
  });
});
