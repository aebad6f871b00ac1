import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

// An open redirect after sign-in: `/sign-in?next=%2F%09%2Fevil.example%2Fphish` passed a prefix check
// (it starts with "/" and not "//"), and the browser, whose URL parser drops the tab, landed on
// evil.example. `next` is now resolved against the app's origin and kept only when it stays there.

const APP = "http://localhost:3000";

describe("where a sign-in sends someone on to", () => {
  it.each([
    ["a path", "/inbox", "/inbox"],
    ["a path with a query and a fragment", "/inbox?tab=queue#top", "/inbox?tab=queue#top"],
    ["a relative path, resolved from the root", "editor/1", "/editor/1"],
    ["dot segments, resolved", "/editor/../inbox", "/inbox"],
    ["the app's own absolute URL, as its path", "http://localhost:3000/admin/users", "/admin/users"],
    ["a tab between the slashes (the report's case)", "/\t/evil.example/phish", "/"],
    ["a newline between the slashes", "/\n/evil.example", "/"],
    ["a protocol-relative URL", "//evil.example", "/"],
    ["a backslash after the slash", "/\\evil.example", "/"],
    ["leading spaces before the slashes", "  //evil.example", "/"],
    ["another origin", "https://evil.example/", "/"],
    ["the app's host on another scheme", "https://localhost:3000/", "/"],
    ["a javascript: URL", "javascript:alert(1)", "/"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>", "/"],
    ["a path that normalises to //host", "/.//evil.example", "/"],
    ["nothing", "", "/"],
    ["no string at all", null, "/"],
  ])("%s: %j → %j", (_name, next, expected) => {
    expect(sameOriginPath(next, APP)).toBe(expected);
  });

  it("answers, for any input, a path that a browser on any page of the app resolves to the app's own origin", () => {
    const pages = ["http://localhost:3000/sign-in?next=x", "http://localhost:3000/a/b/c"];
    const tricky = fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", ".", "%2F", "%09", "evil.example", ":", "@", "?", "#", "http:", "//");
    const input = fc.oneof(
      fc.string(),
      fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(input, (next) => {
        const path = sameOriginPath(next, APP);
        expect(path.startsWith("/")).toBe(true);
        for (const page of pages) expect(new URL(path, page).origin).toBe(APP);
      }),
      { numRuns: 2000 },
    );
  });
});
