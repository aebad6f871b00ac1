// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { sanitizeHtml, webViewDocument, WEB_VIEW_CSP } from "./sanitize-html";

describe("sanitizeHtml", () => {
  it("keeps headings, tables, emphasis and safe attributes", () => {
    const html = '<h2 class="t">Check</h2><table><tr><td colspan="2"><strong>UC</strong> 0.8</td></tr></table>';
    expect(sanitizeHtml(html)).toBe(
      '<h2 class="t">Check</h2><table><tbody><tr><td colspan="2"><strong>UC</strong> 0.8</td></tr></tbody></table>',
    );
  });

  it.each([
    ["<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
    ['<img src="x" onerror="alert(1)">', "<img>"],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href=" JaVa\tscript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="https://example.com" target="_top">x</a>', '<a href="https://example.com">x</a>'],
    ['<img src="https://tracker.example/p.png">', "<img>"],
    ['<img src="data:image/png;base64,AAAA" alt="ok">', '<img src="data:image/png;base64,AAAA" alt="ok">'],
    ['<p style="background:url(https://x)">x</p>', "<p>x</p>"],
    ['<p style="color:red">x</p>', '<p style="color:red">x</p>'],
    ["<embed><object></object><form><input></form>ok", "ok"],
    ["<custom-el><b>kept text</b></custom-el>", "<b>kept text</b>"],
    ["<p><!-- secret -->x</p>", "<p>x</p>"],
    ["<p>x<svg><script>1</script></svg></p>", "<p>x</p>"],
  ])("%s becomes %s", (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });

  it("wraps the result in a document whose CSP loads nothing from the network", () => {
    const document = webViewDocument("<p>hi</p>");
    expect(document).toContain(`content="${WEB_VIEW_CSP}"`);
    expect(WEB_VIEW_CSP).toContain("default-src 'none'");
    expect(document).toContain("<body><p>hi</p></body>");
  });
});
