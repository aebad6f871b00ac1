import { describe, expect, it } from "vitest";
import { formatTime } from "./format";

describe("formatTime", () => {
  it("marks a server-rendered date as UTC, so the reader is never misled about the zone", () => {
    expect(formatTime("2026-11-22T14:05:00.000Z")).toBe("22 Nov 2026, 14:05 UTC");
    expect(formatTime("2026-11-22T23:59:00.000Z", "UTC")).toBe("22 Nov 2026, 23:59 UTC");
  });

  it("in the local zone prints what Intl prints for that zone, without a marker", () => {
    const iso = "2026-11-22T14:05:00.000Z";
    const expected = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(iso));
    expect(formatTime(iso, "local")).toBe(expected);
  });

  it("shows a dash for a date that is not there", () => {
    expect(formatTime(null)).toBe("—");
    expect(formatTime(null, "local")).toBe("—");
  });
});
