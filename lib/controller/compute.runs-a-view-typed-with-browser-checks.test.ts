import { describe, expect, expectTypeOf, it } from "vitest";
import { cubeController } from "@/definitions/cube";
import { number, parametrization } from "@/lib/params";
import type { Result } from "@/lib/result";
import {
  actionButton,
  compute,
  controller,
  dataView,
  downloadButton,
  plotView,
  textFile,
  type ActionResult,
  type Controller,
  type DataResult,
  type DownloadResult,
  type GeometryResult,
  type PlotResult,
} from "./index";

const spanParams = parametrization({ span: number("Span", { min: 1, max: 30, default: 6, suffix: "m" }) });
const seen: unknown[] = [];
const spans = controller(spanParams, {
  views: {
    who: dataView("Who", ({ entity, params }) => {
      seen.push(entity);
      return { kind: "data", items: [{ label: "Span", value: params.span }] };
    }),
    moments: plotView("Moments", ({ params }) => ({
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
    })),
  },
  buttons: {
    csv: downloadButton("CSV", ({ params, entity }) => textFile(`${entity?.name}.csv`, "text/csv", `span\n${params.span}\n`)),
    send: actionButton("Send", () => ({ kind: "action", message: "Sent." }), {
      disabled: ({ params }) => (params.span > 20 ? "Too long to send." : null),
    }),
  },
});
const entity = { id: "e1", name: "Beam 1", type: "span", controller: spans };

describe("compute(entity, view, params): the headless dispatcher", () => {
  it("runs the view with the entity it is for, and answers its result typed by the view", async () => {
    const outcome = await compute(entity, "moments", { span: 4 });
    expectTypeOf(outcome).toEqualTypeOf<Result<PlotResult>>();
    expect(outcome).toEqual({
      ok: true,
      value: expect.objectContaining({
        kind: "plot",
        series: [
          expect.objectContaining({
            points: [
              [0, 0],
              [4, 0],
            ],
          }),
        ],
      }),
    });
    await compute(entity, "who", { span: 4 });
    expect(seen).toEqual([{ id: "e1", name: "Beam 1", type: "span" }]);
    expectTypeOf(compute({ ...entity, controller: cubeController }, "model", { length: 1, width: 1, height: 1 })).resolves.toEqualTypeOf<
      Result<GeometryResult>
    >();
    expectTypeOf(compute({ ...entity, controller: cubeController }, "volume", { length: 1, width: 1, height: 1 })).resolves.toEqualTypeOf<
      Result<DataResult>
    >();
  });

  it("refuses at compile time a view the controller does not have, and params of the wrong shape", () => {
    // @ts-expect-error -- "shear" is not a view of this controller
    void compute(entity, "shear", { span: 4 });
    // @ts-expect-error -- span is a number
    void compute(entity, "moments", { span: "4" });
  });

  it("gets the checks a browser call gets: params validated, unknown views refused", async () => {
    expect(await compute(entity, "moments", { span: 99 })).toEqual({
      ok: false,
      failure: {
        code: "invalid_input",
        message: expect.stringMatching(/Span must be at most 30/),
        fields: [{ path: "span", message: expect.any(String) }],
      },
    });
    // A type looked up by name at run time (the route handler): any string, any params, checked at run time.
    const untyped: Controller = spans;
    const lookedUp = { ...entity, controller: untyped };
    expect(await compute(lookedUp, "constructor", {})).toEqual({
      ok: false,
      failure: { code: "not_found", message: 'There is no view "constructor".', fields: [] },
    });
    expect(await compute(lookedUp, "moments", { span: 2, extra: 1 })).toMatchObject({ ok: false, failure: { code: "invalid_input" } });
  });
});

describe("compute(entity, button, params): buttons through the same dispatcher", () => {
  it("presses a button with the entity it is for, typed by the button", async () => {
    const outcome = await compute(entity, "csv", { span: 4 });
    expectTypeOf(outcome).toEqualTypeOf<Result<DownloadResult>>();
    expect(outcome).toEqual({
      ok: true,
      value: { kind: "download", fileName: "Beam 1.csv", contentType: "text/csv", data: "span\n4\n", encoding: "utf8" },
    });
    expectTypeOf(compute(entity, "send", { span: 4 })).resolves.toExtend<Result<ActionResult>>();
  });

  it("gets a button's checks: validated params, and a disabled button's reason", async () => {
    expect(await compute(entity, "send", { span: 25 })).toEqual({
      ok: false,
      failure: { code: "refused", message: "Too long to send.", fields: [] },
    });
    expect(await compute(entity, "send", { span: 40 })).toMatchObject({ ok: false, failure: { code: "invalid_input" } });
  });
});
