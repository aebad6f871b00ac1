import { expect, test } from "@playwright/test";
import { recordCspViolations, signIn } from "./helpers";
import { createEntity, viewsPanel } from "./views-helpers";

// A security review found no security headers: no Content-Security-Policy, no frame-ancestors, and
// downloads without nosniff. Pages now carry a policy with a fresh nonce (proxy.ts), route handlers
// one that loads nothing, and every answer nosniff, a referrer policy and no framing (next.config.ts).

function expectEveryResponseHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

test("pages, routes, static files and the 404 page carry the security headers; a page's policy has a fresh nonce", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  const policy = first.headers()["content-security-policy"]!;
  expectEveryResponseHeaders(first.headers(), "/sign-in");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  const nonce = (value: string) => /'nonce-([^']+)'/.exec(value)![1];
  expect(nonce(second.headers()["content-security-policy"]!)).not.toBe(nonce(policy));
  // Next puts the nonce on its own scripts.
  expect(await first.text()).toContain(`nonce="${nonce(policy)}"`);

  const health = await page.request.get("/api/health");
  expectEveryResponseHeaders(health.headers(), "/api/health");
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");

  await page.goto("/sign-in");
  const script = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  expectEveryResponseHeaders((await page.request.get(script!)).headers(), script!);

  // The 404 page too (signed in, or the proxy sends the visitor to sign in), with a nonce of its own.
  await signIn(page, "engineer");
  const missing = await page.request.get("/no-such-page-here");
  expect(missing.status()).toBe(404);
  expectEveryResponseHeaders(missing.headers(), "a 404");
  const missingPolicy = missing.headers()["content-security-policy"]!;
  expect(missingPolicy).toContain("frame-ancestors 'none'");
  expect(await missing.text()).toContain(`nonce="${nonce(missingPolicy)}"`);
});

test("the editor, its views, the web view's sandboxed frame and the PDF view run under the policy without a violation", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const violations = recordCspViolations(page);
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "CSP beam");
  const views = viewsPanel(page);
  for (const [tab, ready] of [
    ["Structure", "[data-view-kind=image] img"],
    ["Moments", ".recharts-line-curve"],
    ["3D model", "[data-view-kind=geometry] [data-rendered=true]"],
    ["Calculation sheet", "iframe[sandbox]"],
    ["Report", "[data-view-kind=pdf] iframe"],
  ] as const) {
    await views.tab(tab).click();
    await expect(views.panel.locator(ready).first()).toBeVisible();
  }
  // The web view's HTML is shown: the sandboxed frame's document has its text.
  await views.tab("Calculation sheet").click();
  await expect(page.frameLocator("[data-view-kind=web]").locator("body")).toContainText(/\w{3}/);
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  expect(violations).toEqual([]);
});
