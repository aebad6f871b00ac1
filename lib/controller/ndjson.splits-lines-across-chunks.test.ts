import { describe, expect, it } from "vitest";
import { isOutcomeLine, ndjsonLine, ndjsonSplitter, type StreamLine } from "./ndjson";

describe("ndjsonSplitter", () => {
  it("returns whole lines only, whatever the chunk boundaries", () => {
    const lines: StreamLine[] = [
      { progress: 0.1, message: "meshing" },
      { progress: 0.5 },
      { ok: true, value: { kind: "data", items: [{ label: "é ✓", value: 1 }] } },
    ];
    const text = lines.map(ndjsonLine).join("");
    for (let size = 1; size <= text.length; size += 7) {
      const splitter = ndjsonSplitter();
      const got: StreamLine[] = [];
      for (let i = 0; i < text.length; i += size) got.push(...splitter.push(text.slice(i, i + size)));
      got.push(...splitter.end());
      expect(got).toEqual(lines);
    }
  });

  it("keeps a last line without a newline until the end, and skips blank lines", () => {
    const splitter = ndjsonSplitter();
    expect(splitter.push('{"progress":1}\n\n{"ok":false,"failure":{"kind":"cancelled","message":"Cancelled."}}')).toEqual([
      { progress: 1 },
    ]);
    const [last] = splitter.end();
    expect(last && isOutcomeLine(last)).toBe(true);
  });

  it("throws on a line that is not JSON (a proxy's HTML error page)", () => {
    expect(() => ndjsonSplitter().push("<html>\n")).toThrow();
  });
});
