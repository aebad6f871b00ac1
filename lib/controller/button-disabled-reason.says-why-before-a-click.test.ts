import { describe, expect, it } from "vitest";
import { boolean, button, number, parametrization } from "@/lib/params";
import { buttonDisabledReason } from "./button-disabled-reason";
import { actionButton, textFile, downloadButton } from "./buttons";
import { controller } from "./controller";

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

describe("buttonDisabledReason", () => {
  it.each([
    ["the rule's reason", "send", { span: 6, approved: false }, "Approve it first."],
    ["null when the rule allows it", "send", { span: 6, approved: true }, null],
    ["null for a button without a rule, whatever the params", "csv", { span: 99 }, null],
    ["that inputs need attention when they are invalid", "send", { span: 99, approved: true }, "Some inputs need attention first."],
    ["a sentence when the rule throws", "throws", { span: 6, approved: true }, "Cannot tell yet: no analysis"],
    ["undefined for a button the controller does not have", "ghost", {}, undefined],
  ])("answers %s", (_, name, draft, expected) => {
    expect(buttonDisabledReason(withSend, name, draft)).toBe(expected);
  });
});
