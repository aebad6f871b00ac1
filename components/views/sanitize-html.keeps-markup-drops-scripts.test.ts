// Runs in Node, so DOMPurify runs on jsdom here: the server's form of isomorphic-dompurify (the
// browser's is DOMPurify on the page's own DOM, exercised by e2e/view-screenshots.spec.ts).
import { describe, expect, it } from "vitest";
import { sanitizeHtml, webViewDocument, WEB_VIEW_CSP } from "./sanitize-html";

/** What must never come out: scripts, event handlers, script URLs, frames, forms and foreign markup. */
const ACTIVE_CONTENT =
  /<\s*(script|style|iframe|frame|object|embed|svg|math|form|input|button|base|meta|link|template|noscript)\b|\son[a-z]+\s*=|javascript:|srcdoc|formaction|\saction\s*=|xlink:|<!--/i;

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

  // Known XSS vectors: the attribute-only ones keep the element; namespace (svg, math) and
  // parser-confusion (mXSS) tricks, frames and forms leave no active content at all.
  it.each([
    ["<img src=x onerror=alert(1)>", "<img>"],
    ['<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', "<a>x</a>"],
    ['<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">', "<img>"],
    ['<p style="width:expression(alert(1))">x</p>', "<p>x</p>"],
    ["<svg><g/onload=alert(2)//<p>", ""],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>ok', "ok"],
    ["<svg><foreignObject><p onclick=alert(1)>x</p></foreignObject></svg>ok", "ok"],
    ["<math><mi><style><img src=x onerror=alert(1)></style></mi></math>ok", "ok"],
    ["<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ""],
    ["<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>", ""],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "<p></p>"],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>ok', "ok"],
    ['<p srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">x</p>', "<p>x</p>"],
    ['<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">Go</button></form>ok', "ok"],
    ['<p><input type="submit" formaction="https://evil.example" value="Go">ok</p>', "<p>ok</p>"],
    ["<details open ontoggle=alert(1)><summary>s</summary>d</details>", "sd"],
    ['<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">ok', "ok"],
    ['<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">ok', "ok"],
    ['<table background="javascript:alert(1)"><tr><td>x</td></tr></table>', "<table><tbody><tr><td>x</td></tr></tbody></table>"],
  ])("XSS vector %s becomes %s", (input, output) => {
    const sanitized = sanitizeHtml(input);
    expect(sanitized).toBe(output);
    expect(sanitized).not.toMatch(ACTIVE_CONTENT);
  });

  it("leaves no other DOMPurify user with its URL rule", async () => {
    sanitizeHtml('<img src="x">');
    const { default: DOMPurify } = await import("isomorphic-dompurify");
    expect(DOMPurify.sanitize('<img src="x">')).toBe('<img src="x">');
  });

  it("wraps the result in a document whose CSP loads nothing from the network", () => {
    const document = webViewDocument("<p>hi</p>");
    expect(document).toContain(`content="${WEB_VIEW_CSP}"`);
    expect(WEB_VIEW_CSP).toContain("default-src 'none'");
    expect(document).toContain("<body><p>hi</p></body>");
  });
});
