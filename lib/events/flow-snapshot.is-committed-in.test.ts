import { describe, expect, it } from "vitest";
import { isCommittedIn } from "./flow-snapshot";

// PostgreSQL's visibility rule for a transaction id in a pg_snapshot, as a page applies it to the
// changes it heard of: below xmin committed, from xmax on not yet, in between unless in progress.
describe("isCommittedIn", () => {
  it.each([
    ["100:105:", "99", true],
    ["100:105:", "100", true],
    ["100:105:100,103", "100", false],
    ["100:105:100,103", "103", false],
    ["100:105:100,103", "104", true],
    ["100:105:", "105", false],
    ["100:105:", "9007199254740993", false],
    ["9007199254740993:9007199254740995:", "9007199254740992", true],
    ["not a snapshot", "1", false],
    ["100:105:", "12a", false],
  ])("%s holds %s: %s", (snapshot, tx, committed) => {
    expect(isCommittedIn(snapshot, tx)).toBe(committed);
  });
});
