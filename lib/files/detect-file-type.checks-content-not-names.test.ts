import { describe, expect, it } from "vitest";
import { acceptsFile, contentKindOf, detectFileType } from "./detect-file-type";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...Buffer.from(v)] : [v])));
const PDF = bytes("%PDF-1.7\n...");
const PNG = bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const ZIP = bytes("PK", 3, 4, 20, 0);
const CSV = bytes("node,A,0\nnode,B,6\n");
const JSON_TEXT = bytes('{"a": 1}');
const NUL_TEXT = bytes("abc", 0, "def");
const BAD_UTF8 = bytes(0xc3, 0x28);

describe("what a file is, read from its bytes", () => {
  it.each([
    ["a PDF", PDF, "pdf"],
    ["a PNG", PNG, "png"],
    ["a JPEG", JPEG, "jpeg"],
    ["a ZIP (XLSX, DOCX)", ZIP, "zip"],
    ["CSV text", CSV, "text"],
    ["JSON", JSON_TEXT, "json"],
    ["text with a NUL byte", NUL_TEXT, "binary"],
    ["invalid UTF-8", BAD_UTF8, "binary"],
  ])("%s", (_, content, kind) => {
    expect(contentKindOf(content)).toBe(kind);
  });

  it.each([
    ["drawing.pdf", PDF, { ok: true, type: "application/pdf", kind: "pdf" }],
    ["plan.PNG", PNG, { ok: true, type: "image/png", kind: "png" }],
    ["loads.xlsx", ZIP, { ok: true, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kind: "zip" }],
    ["beam.csv", CSV, { ok: true, type: "text/csv", kind: "text" }],
    ["no-extension", PNG, { ok: true, type: "image/png", kind: "png" }],
    ["drawing.pdf", PNG, { ok: false, message: '"drawing.pdf" is named .pdf, but its content is a PNG image.' }],
    ["beam.csv", NUL_TEXT, { ok: false, message: '"beam.csv" is named .csv, but its content is binary data of an unknown kind.' }],
    ["data.json", CSV, { ok: false, message: '"data.json" is named .json, but its content is text.' }],
  ])("stores %s as what its content is, or refuses a name that lies", (name, content, expected) => {
    expect(detectFileType(name, content)).toEqual(expected);
  });

  it("accepts by extension, MIME type or family, as the params schema does", () => {
    expect(acceptsFile([".pdf", ".png"], "a.png", "image/png")).toBe(true);
    expect(acceptsFile([".pdf", ".png"], "a.jpg", "image/jpeg")).toBe(false);
    expect(acceptsFile(["image/*"], "a.jpg", "image/jpeg")).toBe(true);
    expect(acceptsFile(["application/pdf"], "a", "application/pdf")).toBe(true);
    expect(acceptsFile(undefined, "a.exe", "application/octet-stream")).toBe(true);
  });
});
