import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./helpers";
import { createEntity, viewsPanel } from "./views-helpers";
import { SCREENSHOTS } from "./screenshot-dir";

// Pictures of each view kind, for people to look at (GUSSET_SCREENSHOTS=docs writes them to
// docs/screenshots, as screenshots.spec.ts does): a steel beam with a point and a distributed load.
const dir = SCREENSHOTS;

test("each view kind of the steel beam, its slow view running and outdated, and a UserError", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1100 });
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Roof beam B2");
  await page.getByRole("grid", { name: "Nodes" }).getByLabel("Node position row 3").fill("7.2");
  await page.getByRole("tab", { name: "Loads" }).click();
  await page.getByRole("button", { name: "Add row to Distributed loads" }).click();
  const distributed = page.getByRole("grid", { name: "Distributed loads" });
  await distributed.getByLabel("Start row 1", { exact: true }).fill("0");
  await distributed.getByLabel("End row 1", { exact: true }).fill("4.5");
  await distributed.getByLabel("q start row 1", { exact: true }).fill("8");
  await distributed.getByLabel("q end row 1", { exact: true }).fill("12");
  await page.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1").fill("60");
  await page.getByRole("grid", { name: "Point loads" }).getByLabel("Load position row 1").fill("5");

  const views = viewsPanel(page);
  const shoot = async (tab: string, ready: (panel: Locator) => Promise<void>, file: string) => {
    await views.tab(tab).click();
    await ready(views.panel);
    await expect(views.panel.locator("[aria-busy=true]")).toHaveCount(0);
    await page.mouse.move(0, 0);
    await views.root.screenshot({ path: `${dir}/${file}` });
  };

  await shoot("Structure", (p) => expect(p.locator("[data-view-kind=image] img")).toBeVisible(), "view-image.png");
  await shoot("Reactions", (p) => expect(p.locator("[data-view-kind=table] tbody tr")).toHaveCount(2), "view-table.png");
  await shoot("Moments", (p) => expect(p.locator(".recharts-line-curve").first()).toBeVisible(), "view-plot.png");
  await shoot("Unity check", (p) => expect(p.locator("[data-view-kind=data]")).toContainText("Max unity check"), "view-data.png");
  await shoot("3D model", (p) => expect(p.locator("[data-view-kind=geometry] [data-rendered=true]")).toBeVisible(), "view-geometry.png");
  await shoot("Calculation sheet", (p) => expect(p.locator("iframe[sandbox]")).toBeVisible(), "view-web.png");
  // Chromium's PDF viewer draws a moment after the frame appears.
  await shoot(
    "Report",
    async (p) => {
      await expect(p.locator("[data-view-kind=pdf] iframe")).toBeVisible();
      await page.waitForTimeout(2_000);
    },
    "view-pdf.png",
  );

  await views.tab("Full analysis").click();
  await views.panel.getByRole("button", { name: "Update" }).click();
  await expect(views.panel.getByRole("progressbar")).toBeVisible();
  await expect(views.panel.getByRole("status").filter({ hasText: /Load position [2-9]\d\d of 600/ })).toBeVisible();
  await page.mouse.move(0, 0);
  await views.root.screenshot({ path: `${dir}/view-slow-progress.png` });
  await shoot("Full analysis", (p) => expect(p.locator("[data-view-kind=combined]")).toBeVisible({ timeout: 60_000 }), "view-combined.png");
  await page.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1").fill("90");
  await expect(views.panel.locator("[data-outdated]")).toBeVisible();
  await views.root.screenshot({ path: `${dir}/view-slow-outdated.png` });

  // The whole editor, moments open; then a controller's UserError in the view.
  await views.tab("Moments").click();
  await expect(views.panel.locator(".recharts-line-curve").first()).toBeVisible();
  await expect(views.panel.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `${dir}/editor-beam-views.png`, fullPage: true });
  await page.getByRole("tab", { name: "Geometry" }).click();
  await page.getByRole("button", { name: "Remove row 2 of Supports" }).click();
  await expect(views.panel.getByRole("alert")).toContainText("mechanism");
  await views.root.screenshot({ path: `${dir}/view-user-error.png` });
});
