import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { createEntity, viewsPanel } from "./views-helpers";

// Issue 5: the 3D view draws with WebGL (SwiftShader in headless Chromium), orbits, fits, picks by
// name, and stays interactive with 10,000 objects; three.js and recharts load only with the views
// that need them.

/** Pixels of the canvas that differ from its clear colour (#f1f5f9), read back from the WebGL canvas. */
async function litPixels(page: Page): Promise<{ lit: number; total: number }> {
  return page.locator("[data-view-kind=geometry] canvas").evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext("2d")!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - 241) + Math.abs(data[i + 1]! - 245) + Math.abs(data[i + 2]! - 249) > 30) lit += 1;
    }
    return { lit, total: data.length / 4 };
  });
}

test("the Cube's 3D view renders a WebGL canvas with the cube in it, picks it by name, and fits to view", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "cube", "Block");
  const views = viewsPanel(page);
  await views.tab("3D model").click();
  const host = views.panel.locator("[data-view-kind=geometry] [data-rendered=true]");
  await expect(host).toBeVisible();

  const { lit, total } = await litPixels(page);
  // The unit cube fitted to view covers a good part of the canvas, and not all of it.
  expect(lit / total).toBeGreaterThan(0.08);
  expect(lit / total).toBeLessThan(0.9);
  await expect(views.panel.locator("[data-view-kind=geometry] canvas")).toHaveScreenshot("cube-3d.png", { maxDiffPixelRatio: 0.02 });

  const canvas = views.panel.locator("[data-view-kind=geometry] canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(views.panel.getByRole("status").filter({ hasText: "Picked:" })).toContainText("Picked: Cube 1 × 1 × 1 m");
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect(views.panel.getByRole("status").filter({ hasText: "Picked:" })).toHaveCount(0);

  // Zoom far out, then Fit to view brings the same picture back.
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await litPixels(page)).lit).toBeLessThan(lit / 4);
  await views.panel.getByRole("button", { name: "Fit to view" }).click();
  await expect.poll(async () => (await litPixels(page)).lit).toBeGreaterThan(lit * 0.9);
});

test("a scene of 10,000 boxes in two materials is drawn in two instanced draw calls, and picks a box", async ({ page }) => {
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "cube", "Grid");
  const views = viewsPanel(page);
  await views.tab("3D model").click();
  const figure = views.panel.locator("[data-view-kind=geometry]");
  await expect(figure.locator("[data-rendered=true]")).toBeVisible();

  // The same view call answers a scene of 10,000 boxes in two materials (its answer replaced), on Refresh.
  const objects = Array.from({ length: 10_000 }, (_, i) => ({
    shape: "box",
    name: `Box ${i}`,
    center: [i % 100, Math.floor(i / 100), 0],
    size: [1, 1, 0.5 + (i % 5) * 0.2],
    material: { color: i % 2 ? "#2563eb" : "#f59e0b" },
  }));
  await page.route("**/views/model", (route) => route.fulfill({ json: { ok: true, value: { kind: "geometry", objects } } }));
  await views.panel.getByRole("button", { name: "Refresh" }).click();
  await expect(figure).toHaveAttribute("data-objects", "10000");
  await figure.getByRole("button", { name: "Fit to view" }).click();
  await expect.poll(async () => (await litPixels(page)).lit).toBeGreaterThan(10_000);
  // The mechanism, not the time (bench/geometry-orbit.ts measures that): one InstancedMesh per shape
  // and material, so the frame is two draw calls however many boxes; one mesh per box would be 10,000.
  await expect(figure.locator("[data-rendered=true]")).toHaveAttribute("data-draw-calls", "2");

  await figure.getByRole("button", { name: "Fit to view" }).click();
  const box = (await figure.locator("canvas").boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(figure.getByRole("status")).toContainText(/Picked: Box \d+/);
});

test("three.js and recharts load only when a view needs them", async ({ page }) => {
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Girder J");
  const libraries = new Set<string>();
  page.on("response", async (response) => {
    if (!response.url().includes("/_next/static/chunks/") || !response.url().endsWith(".js")) return;
    const body = await response.text().catch(() => "");
    if (body.includes("WebGLRenderer")) libraries.add("three.js");
    if (body.includes("recharts-wrapper")) libraries.add("recharts");
  });
  await page.reload();
  const views = viewsPanel(page);
  await expect(views.panel.locator("[data-view-kind=image] img")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect([...libraries]).toEqual([]);

  await views.tab("Moments").click();
  await expect(views.panel.locator(".recharts-line-curve").first()).toBeVisible();
  expect([...libraries]).toEqual(["recharts"]);

  await views.tab("3D model").click();
  await expect(views.panel.locator("[data-view-kind=geometry] [data-rendered=true]")).toBeVisible();
  await expect.poll(() => [...libraries].sort()).toEqual(["recharts", "three.js"]);
});
