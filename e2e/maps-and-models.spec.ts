import { expect, test, type Locator, type Page } from "@playwright/test";
import { recordCspViolations, signIn } from "./helpers";
import { SCREENSHOTS } from "./screenshot-dir";
import { createEntity, newProject, recordViewCalls, viewsPanel } from "./views-helpers";

// Issue 12: maps over the offline base map, geo fields placed on the map, bar charts by case with a
// colour per bar and a limit line, frames, and a glTF model beside generated geometry. No request
// leaves the machine: the base map is bundled.

const SEA = "#dbeafe";
const LAND = "#f1f5f9";
const LOCATION_RED = "#dc2626";

/**
 * Pixels of the element's screenshot: how many are within a small distance of each colour, and how
 * many are clearly red (red well above green and blue, whatever the shading).
 */
async function pixelsOf(page: Page, element: Locator, colors: readonly string[]): Promise<{ near: number[]; red: number }> {
  const png = (await element.screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, colors }) => {
      // An <img>, not fetch(): the page's policy allows data: images, and no connections but its own.
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const targets = colors.map((hex) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)));
      const near = targets.map(() => 0);
      let red = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r > 80 && r > 1.7 * g && r > 1.7 * b) red += 1;
        targets.forEach(([tr, tg, tb], t) => {
          if (Math.abs(r - tr!) + Math.abs(g - tg!) + Math.abs(b - tb!) < 24) near[t]! += 1;
        });
      }
      return { near, red };
    },
    { png, colors },
  );
}

/** Requests to any host but this one: there must be none, the base map works offline. */
function recordForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && !["127.0.0.1", "localhost"].includes(url.hostname)) foreign.push(request.url());
  });
  return foreign;
}

test("a project's site: coordinates typed or a click on the field's map set the location, and the Site map redraws it over the offline base map", async ({
  page,
}) => {
  const foreign = recordForeignRequests(page);
  const violations = recordCspViolations(page);
  await page.setViewportSize({ width: 1600, height: 1100 });
  await signIn(page, "engineer", "/editor");
  const name = `Site ${Date.now().toString(36)}`;
  await newProject(page, name);
  const calls = recordViewCalls(page);

  // No site yet: the map shows the world outline and no features.
  const views = viewsPanel(page);
  await views.tab("Site").click();
  const siteMap = views.panel.locator("[data-view-kind=map] [data-rendered=true]");
  await expect(siteMap).toHaveAttribute("data-features", "0");
  const {
    near: [sea, land],
  } = await pixelsOf(page, siteMap, [SEA, LAND]);
  const area = ((await siteMap.boundingBox())!.width * (await siteMap.boundingBox())!.height) as number;
  expect(sea! / area).toBeGreaterThan(0.2);
  expect(land! / area).toBeGreaterThan(0.05);

  // The keyboard's way: the location typed in degrees.
  const form = page.locator("form").filter({ has: page.getByRole("group", { name: "Location" }) });
  const inputTab = page.getByRole("tablist", { name: "Input tabs" }).getByRole("tab", { name: "Site" });
  if (await inputTab.count()) await inputTab.click();
  await form.getByLabel("Location: latitude").fill("52.0907");
  await form.getByLabel("Location: longitude").fill("5.1214");
  await expect(siteMap).toHaveAttribute("data-features", "2"); // the pin and its label
  expect(calls.sent.at(-1)!.params).toMatchObject({ site: { location: { lat: 52.0907, lon: 5.1214 } } });
  await expect(views.panel.locator("figcaption")).toContainText("52.0907");
  // The point is drawn in its colour over the base map, and the map fitted to it (zoomed in: the land fills it).
  await expect.poll(async () => (await pixelsOf(page, siteMap, [LOCATION_RED])).near[0]).toBeGreaterThan(40);
  // Zoomed in on Utrecht, the map is mostly land: the outline is drawn where the point is, not a world away.
  expect((await pixelsOf(page, siteMap, [LAND])).near[0]! / area).toBeGreaterThan(0.4);
  await page.screenshot({ path: `${SCREENSHOTS}/view-map.png` });

  // The mouse's way: a click on the field's map moves the location there, and the view runs again.
  const fieldMap = form.getByRole("group", { name: "Location" }).locator("[data-geo-map][data-rendered=true]");
  await expect(fieldMap).toHaveAttribute("data-points", "1");
  const before = calls.count("site");
  const box = (await fieldMap.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.3);
  const latitude = form.getByLabel("Location: latitude");
  await expect(latitude).not.toHaveValue("52.0907");
  await expect.poll(() => calls.count("site")).toBeGreaterThan(before);
  const moved = (calls.sent.at(-1)!.params as { site: { location: { lat: number; lon: number } } }).site.location;
  expect(moved.lat).toBeGreaterThan(52.0907); // up and to the left on the map: north and west
  expect(moved.lon).toBeLessThan(5.1214);
  expect(Math.abs(Number(await latitude.inputValue()) - moved.lat)).toBeLessThan(1e-3);
  await expect(views.panel.locator("figcaption")).toContainText(moved.lat.toFixed(5));

  // Dragging the marker moves the point too.
  const marker = fieldMap.locator(".leaflet-marker-icon");
  const at = (await marker.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width / 2 + 60, at.y + at.height / 2 + 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => Number(await form.getByLabel("Location: longitude").inputValue())).toBeGreaterThan(moved.lon);
  expect(Number(await latitude.inputValue())).toBeLessThan(moved.lat);

  // Save; the site comes back after a reload, validated and stored by the server.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  await page.reload();
  await views.tab("Site").click();
  await expect(siteMap).toHaveAttribute("data-features", "2");
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]); // Leaflet and the bundled outline run under the page's policy
});

test("a bad site boundary is refused at its field with the reason", async ({ page }) => {
  await signIn(page, "engineer", "/editor");
  const name = `Boundary ${Date.now().toString(36)}`;
  await newProject(page, name);
  const inputTab = page.getByRole("tablist", { name: "Input tabs" }).getByRole("tab", { name: "Site" });
  if (await inputTab.count()) await inputTab.click();

  // A bow tie: four corners whose sides cross.
  const corners = [
    [52.0, 5.0],
    [52.0, 5.1],
    [52.1, 5.0],
    [52.1, 5.1],
  ];
  for (const [index, [lat, lon]] of corners.entries()) {
    await page.getByRole("button", { name: "Add corner" }).click();
    await page.getByLabel(`Site boundary: corner ${index + 1} latitude`).fill(String(lat));
    await page.getByLabel(`Site boundary: corner ${index + 1} longitude`).fill(String(lon));
  }
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Site boundary must not cross itself/).first()).toBeVisible();
  await expect(page.getByLabel("Site boundary: corner 1 latitude")).toHaveAttribute("aria-invalid", "true");
});

test("the turbine's glTF rotor is drawn beside its generated tower; its class bars carry their colours and the rated power line", async ({
  page,
}) => {
  const foreign = recordForeignRequests(page);
  const violations = recordCspViolations(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "turbine", "T1");
  const views = viewsPanel(page);
  await views.tab("Geometry").click();
  const figure = views.panel.locator("[data-view-kind=geometry]");
  await expect(figure).toHaveAttribute("data-models-loaded", "1");
  await expect(figure.locator("[data-rendered=true]")).toBeVisible();
  // The rotor's tips are red: only the model has that colour, so red pixels prove it was drawn.
  const canvas = figure.locator("canvas");
  await expect.poll(async () => (await pixelsOf(page, canvas, [])).red, { timeout: 15_000 }).toBeGreaterThan(5);
  await expect(figure.getByRole("alert")).toHaveCount(0);
  await page.mouse.move(0, 0);
  await views.root.screenshot({ path: `${SCREENSHOTS}/view-model.png` });

  await views.tab("Power by wind class").click();
  const plot = views.panel.locator("figure[data-view-kind=plot]");
  await expect(plot.locator(".recharts-bar-rectangle path, .recharts-rectangle").first()).toBeVisible();
  const fills = await plot.locator(".recharts-bar-rectangle path").evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
  expect(new Set(fills).size).toBeGreaterThan(1);
  await expect(plot.locator('.recharts-reference-line-line[stroke-dasharray="6 4"]')).toHaveCount(1);
  await expect(plot.getByText("Rated 5 kW", { exact: true })).toBeVisible();
  expect(violations).toEqual([]); // the glTF loader's blob: textures and the asset route under the policy
  await expect(
    plot
      .locator(".recharts-cartesian-axis-tick-value")
      .filter({ hasText: /^I$|Class I/ })
      .first(),
  ).toBeVisible();
  expect(foreign).toEqual([]);
});

test("the beam's checks are bars by name coloured by status under the UC = 1 line, and the moving load steps through its frames", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Checked");
  const views = viewsPanel(page);
  await views.tab("Checks").click();
  const plot = views.panel.locator("figure[data-view-kind=plot]");
  await expect(plot.locator(".recharts-bar-rectangle path").first()).toBeVisible();
  const bars = await plot.locator(".recharts-bar-rectangle path").evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
  expect(bars.length).toBeGreaterThan(1);
  for (const fill of bars) expect(["#059669", "#d97706", "#dc2626"]).toContain(fill);
  await expect(plot.locator('.recharts-reference-line-line[stroke-dasharray="6 4"]')).toHaveCount(1);
  await expect(plot.getByText("UC = 1", { exact: true })).toBeVisible();
  await expect(plot.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: "Bending" }).first()).toBeVisible();
  await page.mouse.move(0, 0);
  await views.root.screenshot({ path: `${SCREENSHOTS}/view-bars.png` });

  await views.tab("Moving load").click();
  const moving = views.panel.locator("figure[data-view-kind=plot]");
  await expect(moving).toHaveAttribute("data-frame", "0");
  const slider = moving.getByRole("slider", { name: "Frame" });
  const firstLine = await moving.locator(".recharts-line path.recharts-curve").last().getAttribute("d");
  await slider.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await expect(moving).toHaveAttribute("data-frame", "20");
  await expect(moving).toContainText("First load at x =");
  expect(await moving.locator(".recharts-line path.recharts-curve").last().getAttribute("d")).not.toBe(firstLine);
  await moving.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => Number(await moving.getAttribute("data-frame"))).not.toBe(20);
  await moving.getByRole("button", { name: "Pause" }).click();
});
