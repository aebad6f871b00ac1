import { describe, expect, it } from "vitest";
import { demoPolicy } from "./seed-policy";

describe("demoPolicy", () => {
  it.each([
    ["the local demo (embedded database)", { external: false, production: false, askedForDemo: false }, { seed: true, print: true }],
    [
      "the embedded database even under NODE_ENV=production",
      { external: false, production: true, askedForDemo: false },
      { seed: true, print: true },
    ],
    [
      "a development start on an external database",
      { external: true, production: false, askedForDemo: false },
      { seed: true, print: false },
    ],
    [
      "a production start on an external database",
      { external: true, production: true, askedForDemo: false },
      { seed: false, print: false },
    ],
    [
      "a production start asked for the demo (--seed-demo)",
      { external: true, production: true, askedForDemo: true },
      { seed: true, print: true },
    ],
  ])("%s", (_name, kind, expected) => {
    expect(demoPolicy(kind)).toEqual(expected);
  });
});
