import { describe, expect, it } from "vitest";
import { boolean, button, number, parametrization } from "@/lib/params";
import { actionButton, textFile, downloadButton } from "./buttons";
import { controller } from "./controller";
import { runCall } from "./run-call";

const params = parametrization({
  span: number("Span", { min: 1, max: 20, default: 6 }),
  approved: boolean("Approved"),
  send: button("send"),
});
const withSend = controller(params, {
  views: {},
  buttons: {
    send: actionButton("Send", () => ({ kind: "action", message: "Sent." }), {
      disabled: ({ params }) => (params.approved ? null : "Approve it first."),
    }),
    csv: downloadButton("CSV", () => textFile("a.csv", "text/csv", "a\n")),
    throws: actionButton("Throws", () => ({ kind: "action", message: "" }), {
      disabled: () => {
        throw new Error("no analysis");
      },
    }),
  },
});

describe("runCall asking whether a button is disabled", () => {
  it.each([
    ["the rule's reason", "send", { span: 6, approved: false }, "Approve it first."],
    ["null when the rule allows it", "send", { span: 6, approved: true }, null],
    ["null for a button without a rule, whatever the params", "csv", { span: 99 }, null],
    ["that inputs need attention when they are invalid", "send", { span: 99, approved: true }, "Some inputs need attention first."],
    ["a sentence when the rule throws", "throws", { span: 6, approved: true }, "Cannot tell yet: no analysis"],
  ])("answers %s", async (_, name, draft, expected) => {
    expect(await runCall(withSend, { kind: "disabled", name, params: draft })).toEqual({ ok: true, value: { disabled: expected } });
  });

  it("refuses a button the controller does not have", async () => {
    expect(await runCall(withSend, { kind: "disabled", name: "ghost", params: {} })).toMatchObject({
      ok: false,
      failure: { code: "not_found" },
    });
  });
});
