/**
 * How long one orbit step of the geometry view takes in Chromium (software WebGL, SwiftShader: a
 * floor, not an engineer's GPU): the Cube's one box as the baseline, and a scene of 10,000 boxes
 * in two materials, in the same run. A step is a mouse drag and the two animation frames after it,
 * so the figure includes Playwright's round trip. The e2e test asserts the mechanism (two
 * instanced draw calls); this prints the time.
 *
 *   npm run bench -- geometry-orbit
 */
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { startLauncher, stopLauncher } from "./lib/launcher";

const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://localhost:${port}`;
const STEPS = 30;

const launcher = await startLauncher(port, { GUSSET_DATA_DIR: `.data/bench-orbit-${port}` });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--enable-unsafe-swiftshader"],
});
try {
  const page = await browser.newPage({ baseURL: base, viewport: { width: 1400, height: 900 } });
  await signIn(page);
  await openCube(page);
  await page.getByRole("tab", { name: "3D model" }).click();
  await page.locator("[data-view-kind=geometry] [data-rendered=true]").waitFor();
  const oneBox = await orbitSteps(page);

  const objects = Array.from({ length: 10_000 }, (_, i) => ({
    shape: "box",
    name: `Box ${i}`,
    center: [i % 100, Math.floor(i / 100), 0],
    size: [1, 1, 0.5 + (i % 5) * 0.2],
    material: { color: i % 2 ? "#2563eb" : "#f59e0b" },
  }));
  await page.route("**/views/model", (route) => route.fulfill({ json: { ok: true, value: { kind: "geometry", objects } } }));
  await page.locator("[data-entity-views]").getByRole("button", { name: "Refresh" }).click();
  await page.locator("[data-view-kind=geometry][data-objects='10000']").waitFor();
  await page.getByRole("button", { name: "Fit to view" }).click();
  const manyBoxes = await orbitSteps(page);

  console.log(
    `geometry orbit step (${STEPS} drags each, the mean), ${os.cpus()[0]?.model}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.table([
    { scene: "1 box (baseline)", "ms a step": oneBox.mean.toFixed(0), "p95 ms": oneBox.p95.toFixed(0) },
    {
      scene: "10,000 boxes, 2 materials",
      "ms a step": manyBoxes.mean.toFixed(0),
      "p95 ms": manyBoxes.p95.toFixed(0),
      "÷ baseline": (manyBoxes.mean / oneBox.mean).toFixed(1),
    },
  ]);
} finally {
  await browser.close();
  await stopLauncher(launcher);
}

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in?next=/editor");
  await page.getByLabel("Email").fill("engineer@gusset.local");
  await page.getByLabel("Password").fill("gusset-engineer");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.reload();
}

async function openCube(page: Page): Promise<void> {
  await page.goto("/editor");
  await page.getByRole("button", { name: "New project" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Orbit bench");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await page.getByRole("heading", { level: 1, name: "Orbit bench" }).waitFor();
  await page.getByRole("button", { name: "Actions for Orbit bench" }).click();
  await page.getByRole("button", { name: "New inside…" }).click();
  await page.getByRole("dialog").getByLabel("Type").selectOption("cube");
  await page.getByRole("dialog").getByLabel("Name").fill("Grid");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await page.getByRole("heading", { level: 1, name: "Grid" }).waitFor();
}

/** Orbits in STEPS drags, each waiting for the two frames it causes; the mean and p95 ms a step. */
async function orbitSteps(page: Page): Promise<{ mean: number; p95: number }> {
  const box = (await page.locator("[data-view-kind=geometry] canvas").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const times: number[] = [];
  for (let i = 1; i <= STEPS; i++) {
    const started = performance.now();
    await page.mouse.move(box.x + box.width / 2 + i * 6, box.y + box.height / 2 + i * 2);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    times.push(performance.now() - started);
  }
  await page.mouse.up();
  const sorted = [...times].sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}
