import { describe, expect, it } from "vitest";
import { boolean, button, number, parametrization, section } from "@/lib/params";
import { actionButton, downloadButton, optimizationButton, setParamsButton, textFile } from "./buttons";
import { controller, ControllerDefinitionError, type Controller } from "./controller";
import { runCall, type CallOptions } from "./run-call";
import { dataView } from "./views";

const params = parametrization({
  loads: section("Loads", {
    span: number("Span", { min: 1, max: 20, default: 6, suffix: "m" }),
    load: number("Load", { min: 0, max: 500, default: 50, suffix: "kN" }),
    approved: boolean("Approved"),
    report: button("report"),
    reset: button("reset"),
  }),
});

const noView = { none: dataView("None", () => ({ kind: "data" as const, items: [] })) };

const beamish = controller(params, {
  views: noView,
  buttons: {
    report: downloadButton("Download CSV", ({ params }) =>
      textFile("loads.csv", "text/csv", `span,load\n${params.loads.span},${params.loads.load}\n`),
    ),
    reset: setParamsButton("Reset loads", ({ params }) => ({
      kind: "setParams",
      params: { loads: { ...params.loads, load: 0 } },
      message: "Loads reset.",
    })),
    broken: setParamsButton("Broken", ({ params }) => ({ kind: "setParams", params: { loads: { ...params.loads, span: 99 } } })),
    lightest: optimizationButton("Shortest span that carries it", ({ params }) => ({
      kind: "optimization",
      columns: [{ key: "span", label: "Span", type: "number", suffix: "m" }],
      candidates: [4, 5].map((span) => ({ params: { loads: { ...params.loads, span } }, values: { span } })),
    })),
    send: actionButton("Send to fabricator", () => ({ kind: "action", message: "Sent." }), {
      disabled: ({ params }) => (params.loads.approved ? null : "Approve the beam before sending it."),
    }),
  },
});

const current = { loads: { span: 8, load: 120, approved: false } };

const callButton = (c: Controller, name: string, params: unknown, options?: CallOptions) =>
  runCall(c, { kind: "button" as const, name, params }, options);

describe("runCall of a button", () => {
  it("returns a download with the name and type the controller gives", async () => {
    expect(await callButton(beamish, "report", current)).toEqual({
      ok: true,
      value: { kind: "download", fileName: "loads.csv", contentType: "text/csv", data: "span,load\n8,120\n", encoding: "utf8" },
    });
  });

  it("returns new params for the form, validated", async () => {
    expect(await callButton(beamish, "reset", current)).toEqual({
      ok: true,
      value: { kind: "setParams", params: { loads: { span: 8, load: 0, approved: false } }, message: "Loads reset." },
    });
  });

  it("refuses new params that break the parametrization: an internal error, not bad params in the form", async () => {
    const outcome = await callButton(beamish, "broken", current, { log: () => {} });
    expect(outcome).toMatchObject({ ok: false, failure: { code: "internal" } });
  });

  it("offers optimization candidates as params plus the chosen columns", async () => {
    const outcome = await callButton(beamish, "lightest", current);
    expect(outcome).toMatchObject({
      ok: true,
      value: { kind: "optimization", candidates: [{ values: { span: 4 } }, { values: { span: 5 } }] },
    });
  });

  it("refuses a disabled button with its reason, computed from the params", async () => {
    expect(await callButton(beamish, "send", current)).toEqual({
      ok: false,
      failure: { code: "refused", message: "Approve the beam before sending it.", fields: [] },
    });
    expect(await callButton(beamish, "send", { loads: { ...current.loads, approved: true } })).toEqual({
      ok: true,
      value: { kind: "action", message: "Sent." },
    });
  });

  it("refuses an unknown button and invalid params as a view call would", async () => {
    expect(await callButton(beamish, "toString", current)).toEqual({
      ok: false,
      failure: { code: "not_found", message: 'There is no button "toString".', fields: [] },
    });
    expect(await callButton(beamish, "report", { loads: { ...current.loads, span: 0 } })).toMatchObject({
      ok: false,
      failure: { code: "invalid_input", fields: [{ path: "loads.span" }] },
    });
  });
});

describe("controller() with buttons", () => {
  it("refuses a form that places a button the controller does not have", () => {
    expect(() => controller(params, { views: noView, buttons: { report: beamish.buttons.report } })).toThrow(ControllerDefinitionError);
    expect(() => controller(params, { views: noView, buttons: { report: beamish.buttons.report } })).toThrow(
      /places button "reset" at loads.reset, but the controller has no such button/,
    );
  });
});
