import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { SCREENSHOTS } from "./screenshot-dir";

// Pictures of the pages, for people to look at. Written to test-results/
// on every run; `GUSSET_SCREENSHOTS=docs npm run test:e2e` refreshes the
// committed ones under docs/screenshots/.
const dir = SCREENSHOTS;

test("sign-in page and the signed-in home page", async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 720 });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Gusset" })).toBeVisible();
  await page.screenshot({ path: `${dir}/sign-in.png` });

  await signIn(page, "admin");
  await expect(page.getByRole("link", { name: /Error queue.*Your place/ })).toBeVisible();
  await page.screenshot({ path: `${dir}/home-admin.png` });
});
