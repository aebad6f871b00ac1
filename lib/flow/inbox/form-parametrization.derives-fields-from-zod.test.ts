import { describe, expect, it } from "vitest";
import { z } from "zod";
import { designReview } from "@/definitions/flows/design-review";
import { validateParams } from "@/lib/params";
import { formInput } from "./form-input";
import { formParametrization } from "./form-parametrization";

describe("formParametrization", () => {
  it("lays out the design review's review form: a switch and an optional long text", () => {
    const review = designReview.nodes.review;
    const form = formParametrization(review.form);
    expect(form.layout).toEqual({
      approved: { kind: "boolean", label: "Approved" },
      comment: { kind: "textarea", label: "Comment", optional: true },
    });
  });

  it("maps strings, enums and numbers with their bounds, and optional wrappers", () => {
    const form = formParametrization(
      z.object({
        revision: z.string().min(1),
        grade: z.enum(["S235", "S355"]),
        factor: z.number().min(1).max(2),
        note: z.string().nullable(),
        count: z.number().default(3),
      }),
    );
    expect(form.layout).toEqual({
      revision: { kind: "text", label: "Revision" },
      grade: { kind: "option", label: "Grade", options: ["S235", "S355"] },
      factor: { kind: "number", label: "Factor", min: 1, max: 2 },
      note: { kind: "text", label: "Note", optional: true },
      count: { kind: "number", label: "Count", optional: true },
    });
    expect(validateParams(form, { revision: "3", grade: "S355", factor: 1.5, note: null, count: null }, { source: "browser" }).ok).toBe(
      true,
    );
  });

  it("sends the draft without empty optional fields, as zod's optional() expects", () => {
    expect(formInput({ approved: false, comment: null, summary: "" })).toEqual({ approved: false });
    expect(designReview.nodes.review.form.safeParse(formInput({ approved: true, comment: null })).success).toBe(true);
  });
});
