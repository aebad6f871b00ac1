import { readdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, queryE2eDatabase, signIn, type DemoRole } from "./helpers";

test("a visitor without a session is sent to the sign-in page and back after signing in", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finbox/);
  await page.getByLabel("Email").fill(DEMO.reviewer.email);
  await page.getByLabel("Password").fill(DEMO.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
});

// An open redirect: `next` with a tab between its slashes passed the old prefix check, and the browser
// (whose URL parser drops the tab) went to evil.example. Now it lands on the app's home page.
test("a next= that leads to another site after signing in lands on the home page instead", async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent("/\t/evil.example/phish")}`);
  const app = new URL(page.url()).origin;
  await page.getByLabel("Email").fill(DEMO.reviewer.email);
  await page.getByLabel("Password").fill(DEMO.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  expect(new URL(page.url()).origin).toBe(app);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("a wrong password gets one message that does not say whether the account exists", async ({ page }) => {
  for (const email of [DEMO.engineer.email, "nobody@gusset.local"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  }
});

// Next passes a client's own X-Forwarded-For to a server action, and the per-address limit keyed on
// it, so rotating the header escaped the limit. The launcher's Next now sees the TCP peer there.
test("a failed sign-in is counted against the address it came from, not the X-Forwarded-For it claims", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody-forwarded@gusset.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toBeVisible();
  const keys = (await queryE2eDatabase<{ key: string }>(`SELECT key FROM sign_in_throttle WHERE key LIKE 'address:%'`)).map((r) => r.key);
  expect(keys).not.toContain("address:203.0.113.77");
  expect(keys.some((key) => /^address:(::ffff:)?127\.0\.0\.1$|^address:::1$/.test(key))).toBe(true);
  await context.close();
});

// What each role may open (200) and what it is refused (403).
const ACCESS: Record<DemoRole, { allowed: string[]; refused: string[] }> = {
  engineer: { allowed: ["/", "/editor", "/inbox"], refused: ["/admin/errors", "/admin/users"] },
  reviewer: { allowed: ["/", "/editor", "/inbox"], refused: ["/admin/errors", "/admin/users"] },
  admin: { allowed: ["/", "/editor", "/inbox", "/admin/errors", "/admin/users"], refused: [] },
};

for (const role of Object.keys(ACCESS) as DemoRole[]) {
  test(`${role} signs in, reaches their places and is refused the others with a 403 page`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO[role].name.split(" ")[0]}` })).toBeVisible();
    for (const path of ACCESS[role].allowed) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
    }
    for (const path of ACCESS[role].refused) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
  });
}

test("signing out ends the session: the old cookie no longer opens a page", async ({ page, context }) => {
  await signIn(page, "engineer");
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("session_token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.addCookies([session!]);
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/sign-in/);
  // Route handlers read the session their own way (lib/auth/session-cookie.ts): ended there too.
  expect((await viewCall(page)).status()).toBe(401);
});

/** A view call as the editor makes it, with the page's cookies: the route refuses before looking for the entity. */
function viewCall(page: Page) {
  const origin = new URL(page.url()).origin;
  return page.request.post("/api/entities/00000000-0000-0000-0000-000000000000/views/volume", {
    headers: { origin },
    data: { params: {} },
  });
}

test("a forged session cookie gets the sign-in page, never a stack trace", async ({ page, context }) => {
  await context.addCookies([{ name: "better-auth.session_token", value: "forged.c2lnbmF0dXJl", domain: "localhost", path: "/" }]);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Gusset" })).toBeVisible();
  expect((await viewCall(page)).status()).toBe(401);
});

// The bench's baseline routes once shipped here and answered any session-like cookie; they are now
// built only for bench/views.ts (next.config.ts), so the production build answers 404.
test("the production build has no /api/bench routes, even for a session-like cookie", async ({ page, context }) => {
  await context.addCookies([{ name: "better-auth.session_token", value: "forged.c2lnbmF0dXJl", domain: "localhost", path: "/" }]);
  await page.goto("/sign-in");
  const origin = new URL(page.url()).origin;
  expect((await page.request.get("/api/bench/hello")).status()).toBe(404);
  expect((await page.request.post("/api/bench/hello", { headers: { origin }, data: { params: {} } })).status()).toBe(404);
  expect((await page.request.post("/api/bench/echo", { headers: { origin }, data: { params: {} } })).status()).toBe(404);
});

// The bench routes once answered anyone sending a cookie named like the session (the proxy checks
// only that one exists). Read from app/, so a new page or route is held to it too: without a live
// session nothing answers 2xx but the sign-in page and the health check.
test("without a live session, no page but sign-in and no route but /api/health answers 2xx", async ({ playwright, baseURL }) => {
  const entries = readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => ({
      route: file.endsWith("route.ts"),
      url:
        `/${file}`
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\/(page\.tsx|route\.ts)$/, "")
          .replace(/\[type\]/g, "beam")
          .replace(/\[flow\]/g, "design-review")
          .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000") || "/",
    }));
  expect(entries.filter((entry) => entry.route).length).toBeGreaterThan(10);
  const open = new Set(["GET /sign-in", "GET /api/health"]);
  for (const cookie of [undefined, "better-auth.session_token=forged.c2lnbmF0dXJl"]) {
    const request = await playwright.request.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: cookie ? { cookie } : {} });
    for (const { route, url } of entries) {
      for (const method of route ? ["GET", "POST"] : ["GET"]) {
        const response = await request.fetch(url, { method, headers: { origin: baseURL! }, data: method === "POST" ? {} : undefined });
        const ok = response.status() >= 200 && response.status() < 300;
        expect(ok, `${method} ${url} with ${cookie ?? "no cookie"}: ${response.status()}`).toBe(open.has(`${method} ${url}`));
      }
    }
    await request.dispose();
  }
});

test("an admin ending a user's sessions signs that user out at once", async ({ browser }) => {
  const engineer = await browser.newPage();
  await signIn(engineer, "engineer");
  const admin = await browser.newPage();
  await signIn(admin, "admin", "/admin/users");
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: `End sessions of ${DEMO.engineer.name}` }).click();
  await expect(admin.getByRole("status")).toHaveText(/Ended [1-9]\d* session/);
  await engineer.goto("/editor");
  await expect(engineer).toHaveURL(/\/sign-in/);
  expect((await viewCall(engineer)).status()).toBe(401);
  await engineer.close();
  await admin.close();
});

// Next's own check answered a server action from another origin with 500 ("Invalid Server Actions
// request."); proxy.ts refuses it first, with 403, whether the Origin is another site, "null" or absent.
test("a server action posted from another origin, a null origin or none is refused with 403", async ({ page }) => {
  await page.goto("/sign-in");
  const action = { "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8" };
  for (const origin of ["https://evil.example", "null", undefined]) {
    const response = await page.request.post("/sign-in", {
      headers: origin === undefined ? action : { ...action, origin },
      data: "[]",
    });
    expect(response.status(), `Origin ${origin}`).toBe(403);
    expect(await response.text()).toBe("Cross-origin request refused.");
  }
});

// A session due for its daily extension was extended in the database on a page load, but a Server
// Component cannot set a cookie, so the browser's cookie still expired a week after sign-in.
test("a page load on the day a session is due sends the extended session cookie back", async ({ page, context }) => {
  await signIn(page, "engineer");
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"))!;
  const token = decodeURIComponent(session.value).split(".")[0]!;
  // Last extended more than a day ago: it expires in less than six days.
  await queryE2eDatabase(`UPDATE "session" SET "expiresAt" = now() + interval '5 days' WHERE token = $1`, [token]);
  await context.clearCookies({ name: "gusset.session_checked" });
  const response = await page.goto("/editor");
  const setCookies = (await response!.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(setCookies.find((cookie) => cookie.startsWith(`${session.name}=`))).toMatch(/Max-Age=604800/);
  const [row] = await queryE2eDatabase<{ days: number }>(
    `SELECT extract(epoch FROM "expiresAt" - now()) / 86400 AS days FROM "session" WHERE token = $1`,
    [token],
  );
  expect(Number(row!.days)).toBeGreaterThan(6.9);
  const renewed = (await context.cookies()).find((cookie) => cookie.name === session.name)!;
  expect(renewed.expires * 1000).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
});
