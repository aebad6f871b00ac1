import { describe, expect, it } from "vitest";
import { isSafeMethod, isSameOrigin } from "./origin";

const trusted = ["http://localhost:3000"];
const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it.each([
    ["a trusted origin", { origin: "http://localhost:3000" }, true],
    ["the origin of the Host header", { origin: "http://gusset.internal:8080", host: "gusset.internal:8080" }, true],
    [
      "the origin a proxy forwarded",
      { origin: "https://gusset.example", "x-forwarded-host": "gusset.example", "x-forwarded-proto": "https" },
      true,
    ],
    ["another site", { origin: "http://evil.example", host: "localhost:3000" }, false],
    ["the same host on another scheme", { origin: "https://localhost:3000", host: "localhost:3000" }, false],
    ["no Origin at all", { host: "localhost:3000" }, false],
    ["the literal null origin", { origin: "null", host: "localhost:3000" }, false],
  ])("%s → %s", (_name, headers, expected) => {
    expect(isSameOrigin(post(headers), trusted)).toBe(expected);
  });
});

describe("isSafeMethod", () => {
  it.each([
    ["GET", true],
    ["HEAD", true],
    ["OPTIONS", true],
    ["POST", false],
    ["PUT", false],
    ["PATCH", false],
    ["DELETE", false],
  ])("%s → %s", (method, expected) => expect(isSafeMethod(method)).toBe(expected));
});
