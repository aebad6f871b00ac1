import { expect, type Locator, type Page, type Request } from "@playwright/test";

/** Creates a project at the top of the editor's tree; leaves the page on it. */
export async function newProject(page: Page, name: string): Promise<void> {
  await page.goto("/editor");
  await page.getByRole("button", { name: "New project" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Creates a project and, inside it, an entity of `type` through the editor's tree; leaves the page on the new entity. */
export async function createEntity(page: Page, type: "beam" | "cube" | "turbine", name: string): Promise<string> {
  const project = `Views ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await newProject(page, project);
  await page.getByRole("button", { name: `Actions for ${project}` }).click();
  await page.getByRole("button", { name: "New inside…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Type").selectOption(type);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

/**
 * Gives the beam in the form a point load no other test uses, so that its full analysis (memoized
 * in PostgreSQL by the beam, for every user) computes and reports progress rather than answering at
 * once from an earlier test's run. Leaves the Loads tab open; the change stays unsaved.
 */
export async function withLoadsOfItsOwn(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Loads" }).click();
  const force = (10 + Math.random() * 40).toFixed(4);
  await page.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1").fill(force);
}

/** The views panel, its tabs and the active view. */
export function viewsPanel(page: Page) {
  const root = page.locator("[data-entity-views]");
  return {
    root,
    tab: (name: string) => root.getByRole("tablist", { name: "Views" }).getByRole("tab", { name, exact: false }),
    panel: root.getByRole("tabpanel"),
  };
}

/** Records the view calls (POST …/views/<name>) the page makes, and those that were aborted. */
export function recordViewCalls(page: Page) {
  const sent: { view: string; params: unknown; request: Request }[] = [];
  const failed: string[] = [];
  const failures: string[] = [];
  const viewOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/views/")[1] ?? "");
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/views/")) {
      sent.push({ view: viewOf(request.url()), params: request.postDataJSON()?.params, request });
    }
  });
  page.on("requestfailed", (request) => {
    if (request.method() === "POST" && request.url().includes("/views/")) {
      failed.push(viewOf(request.url()));
      failures.push(`${viewOf(request.url())}: ${request.failure()?.errorText}`);
    }
  });
  return { sent, failed, failures, count: (view: string) => sent.filter((call) => call.view === view).length };
}

/** The sr-only description of the plot in `scope`: each series' range. */
export function plotCaption(scope: Locator): Locator {
  return scope.locator("figure[data-view-kind=plot] figcaption");
}
