import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { SCREENSHOTS } from "./screenshot-dir";

// Pictures of the editor for people to look at (see screenshots.spec.ts for where they go):
// the steel beam's form, both tabs, and the conflict banner.
const dir = SCREENSHOTS;

test("the steel beam in the editor: geometry and loads tabs", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "engineer", "/editor");
  await page.goto("/editor");
  await page.getByRole("button", { name: "New project" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Station canopy");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Station canopy" })).toBeVisible();
  await page.getByRole("button", { name: "Actions for Station canopy" }).click();
  await page.getByRole("button", { name: "New inside…" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Roof beam B1");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Roof beam B1" })).toBeVisible();

  await page.getByLabel("Steel grade").selectOption("S275");
  await page.getByRole("grid", { name: "Nodes" }).getByLabel("Node position row 3").fill("7.2");
  // Let the views panel finish its first computation, if it does so in time (it is not under test here).
  await page
    .getByText("Computing…")
    .waitFor({ state: "hidden", timeout: 15_000 })
    .catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-beam-geometry.png`, fullPage: true });

  await page.getByRole("tab", { name: "Loads" }).click();
  const distributed = page.getByRole("grid", { name: "Distributed loads" });
  await page.getByRole("button", { name: "Add row to Distributed loads" }).click();
  await distributed.getByLabel("Start row 1", { exact: true }).fill("0");
  await distributed.getByLabel("End row 1", { exact: true }).fill("7.2");
  await distributed.getByLabel("q start row 1").fill("4.5");
  await distributed.getByLabel("q end row 1").fill("4.5");
  await page.getByRole("grid", { name: "Point loads" }).getByLabel("Load position row 1").fill("9");
  await expect(page.getByText("Load position must be at most 7.2 m")).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-beam-loads.png`, fullPage: true });
});
