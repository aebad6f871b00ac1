import { describe, expect, it } from "vitest";
import { MAX_INPUT_DEPTH, unstorableIssue } from "./storable-input";

// NUL bytes, lone surrogates and a 5,000-deep params object reached PostgreSQL (or JSON.stringify's
// stack) and answered 500. Entry points now find them first, with the path, and answer 4xx.

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("what PostgreSQL cannot store", () => {
  it.each([
    ["a NUL in a name", { name: "a\u0000b" }, { path: "name", message: "It holds a NUL character, which cannot be stored." }],
    [
      "a NUL deep in params",
      { params: { loads: [{ F: 1 }, { label: "x\u0000" }] } },
      { path: "params.loads[1].label", message: expect.stringContaining("NUL") },
    ],
    ["a lone high surrogate", { text: "\ud800" }, { path: "text", message: expect.stringContaining("lone surrogate") }],
    ["a lone low surrogate", ["ok", "\udc00x"], { path: "[1]", message: expect.stringContaining("lone surrogate") }],
    ["a NUL in a key", { ["k\u0000"]: 1 }, { path: "k\\0", message: expect.stringContaining("name holds a NUL") }],
    [
      "a 5,000-deep object",
      nested(5000),
      { path: expect.stringMatching(/^a(\.a)+$/), message: `It is nested deeper than ${MAX_INPUT_DEPTH} levels.` },
    ],
  ])("finds %s", (_name, value, issue) => {
    expect(unstorableIssue(value)).toEqual(issue);
  });

  it.each([
    ["plain params", { a: 1, b: "text with emoji 🙂", c: [null, true, { d: "é" }] }],
    ["a string alone", "x"],
    ["nesting within the limit", nested(MAX_INPUT_DEPTH - 1)],
    ["a File (FormData's), not walked", { file: new File(["\u0000"], "a.bin") }],
  ])("passes %s", (_name, value) => {
    expect(unstorableIssue(value)).toBeNull();
  });
});
