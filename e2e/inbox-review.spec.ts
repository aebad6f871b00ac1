import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, signIn, type DemoRole } from "./helpers";
import { createEntity } from "./views-helpers";
import { SCREENSHOTS } from "./screenshot-dir";

// The design review across three signed-in browsers: the engineer submits a beam, the reviewer's
// queue shows it live, the reviewer claims it, sees the beam's views, rejects with a comment (a
// missing comment keeps the task open with the error at the field), the engineer changes a load and
// resubmits the new revision, the reviewer approves, the worker renders the report and the process
// page offers the PDF. A second run fails the report on purpose (the fault switch faults.reportJob,
// set in the database: no page may) so the admin retries it from the error queue.

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

/** Waits until the views panel shows a rendered view, not "Computing…". */
async function viewsRendered(page: Page): Promise<void> {
  await expect(page.locator("[data-entity-views] [data-state=idle] [data-view-kind]")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Computing…")).toBeHidden();
}

/** Submits the beam on the engineer's page for review and answers the new process's page address. */
async function submitForReview(engineer: Page): Promise<string> {
  await engineer.getByRole("button", { name: "Submit for review" }).click();
  const process = engineer.getByTestId("entity-process").first();
  await expect(process).toContainText("design-review");
  return (await process.getByRole("link", { name: "design-review" }).getAttribute("href"))!;
}

/** The reviewer approves the beam's review straight from the queue (completing claims it on the way). */
async function approveFromQueue(reviewer: Page, beam: string): Promise<void> {
  await reviewer.goto("/inbox?tab=queue");
  await reviewer
    .getByTestId("task-row")
    .filter({ hasText: `Review: ${beam}` })
    .getByRole("link", { name: `Review: ${beam}` })
    .click();
  await reviewer.getByLabel("Approved").check();
  await reviewer.getByRole("button", { name: "Complete" }).click();
  await reviewer.waitForURL("**/inbox");
}

test("a beam goes through review and ends with its PDF report", async ({ browser }) => {
  test.setTimeout(180_000);
  const engineer = await as(browser, "engineer");
  const reviewer = await as(browser, "reviewer");
  const admin = await as(browser, "admin");
  const beam = `Girder ${Date.now().toString(36)}`;
  const beamPage = await createEntity(engineer, "beam", beam);

  await reviewer.goto("/inbox?tab=queue");
  const processPage = await submitForReview(engineer);

  // Live: no reload on the reviewer's side.
  const row = reviewer.getByTestId("task-row").filter({ hasText: `Review: ${beam}` });
  await expect(row).toBeVisible({ timeout: 5_000 });
  await row.getByRole("button", { name: "Assign to me" }).click();
  await expect(reviewer.getByText("is now in your inbox")).toBeVisible();
  await expect(reviewer.getByTestId("open-task-count")).not.toHaveText("0");
  await reviewer.goto("/inbox");
  await reviewer.getByRole("link", { name: `Review: ${beam}` }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: `Review: ${beam}` })).toBeVisible();
  await expect(reviewer.getByText("beam, revision 1 · read-only")).toBeVisible();
  await viewsRendered(reviewer);
  await reviewer.mouse.move(0, 0);
  await reviewer.screenshot({ path: `${SCREENSHOTS}/inbox-task-page.png`, fullPage: true });

  // Rejecting without a comment keeps the task open, with the error at the field.
  await reviewer.getByRole("button", { name: "Complete" }).click();
  await expect(reviewer.getByText("Some fields are not valid.")).toBeVisible();
  await expect(reviewer.getByText("Say what to change.")).toBeVisible();
  await expect(engineer.getByTestId("entity-process").first()).toContainText(`at Review: ${beam}`);
  await reviewer.getByLabel("Comment").fill("Use a deeper section.");
  await reviewer.getByRole("button", { name: "Complete" }).click();
  await reviewer.waitForURL("**/inbox");
  // The beam's processes panel, still open on the engineer's side, moves on live.
  await expect(engineer.getByTestId("entity-process").first()).toContainText(`at Revise: ${beam}`, { timeout: 5_000 });

  // The engineer's revise task arrives live.
  await engineer.goto("/inbox");
  const revise = engineer.getByRole("link", { name: `Revise: ${beam}` });
  await expect(revise).toBeVisible({ timeout: 5_000 });
  await engineer.mouse.move(0, 0);
  await engineer.screenshot({ path: `${SCREENSHOTS}/inbox.png`, fullPage: true });

  // The engineer revises the beam (a smaller point load) and saves it as version 2…
  await engineer.goto(beamPage);
  await engineer.getByRole("tab", { name: "Loads" }).click();
  await engineer.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1").fill("35");
  await engineer.keyboard.press("Control+s");
  await expect(engineer.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  // …and resubmits: the revise task offers the latest saved version.
  await engineer.goto("/inbox");
  await engineer.getByRole("link", { name: `Revise: ${beam}` }).click();
  await expect(engineer.getByText("Use a deeper section.")).toBeVisible();
  await expect(engineer.getByLabel("Revision")).toHaveValue("2");
  await engineer.getByRole("button", { name: "Complete" }).click();
  await engineer.waitForURL("**/inbox");

  // The reviewer sees revision 2, with the new load, and approves it.
  await reviewer.goto("/inbox?tab=queue");
  await reviewer
    .getByTestId("task-row")
    .filter({ hasText: `Review: ${beam}` })
    .getByRole("link", { name: `Review: ${beam}` })
    .click();
  await expect(reviewer.getByText("beam, revision 2 · read-only")).toBeVisible();
  await expect(reviewer.locator('[data-entity-views] img[src*="35%20kN"]')).toBeVisible({ timeout: 20_000 }); // the Structure view's drawing
  await reviewer.getByLabel("Approved").check();
  await reviewer.getByRole("button", { name: "Complete" }).click();
  await reviewer.waitForURL("**/inbox");

  // The worker renders the report; the process page shows it finished, live.
  await engineer.goto("/inbox?tab=archive");
  await engineer.locator(`a[href="${processPage}"]`).first().click();
  await expect(engineer.getByTestId("process-status")).toHaveText("done", { timeout: 30_000 });
  const pdf = engineer.getByRole("link", { name: /\.pdf$/ });
  await expect(pdf).toBeVisible();
  const response = await engineer.request.get((await pdf.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expect(engineer.getByTestId("flow-graph").locator("[data-node=report]")).toHaveAttribute("data-state", "visited");
  await engineer.mouse.move(0, 0);
  await engineer.screenshot({ path: `${SCREENSHOTS}/process-page.png`, fullPage: true });

  await admin.goto("/flows");
  await expect(admin.getByTestId("flow-graph").first()).toBeVisible();
  await admin.screenshot({ path: `${SCREENSHOTS}/flows.png`, fullPage: true });
});

test("a report that fails lands in the error queue after its retries; fixed and retried there, the process ends with the PDF", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const database = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await database.connect();
  const faultSwitch = (on: boolean) =>
    on
      ? database.query(
          `INSERT INTO setting (key, value) VALUES ('faults.reportJob', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'`,
        )
      : database.query(`DELETE FROM setting WHERE key = 'faults.reportJob'`);
  try {
    const engineer = await as(browser, "engineer");
    const reviewer = await as(browser, "reviewer");
    const admin = await as(browser, "admin");
    const beam = `Purlin ${Date.now().toString(36)}`;
    await createEntity(engineer, "beam", beam);
    const processPage = await submitForReview(engineer);
    await admin.goto("/admin/errors");
    await faultSwitch(true);
    await approveFromQueue(reviewer, beam);

    // Three attempts 5 s apart (the report job's retries), then the error queue, live.
    const item = admin.getByTestId("error-item").filter({ has: admin.locator(`a[href="${processPage}"]`) });
    await expect(item).toBeVisible({ timeout: 40_000 });
    await expect(item).toContainText("The report job's fault switch is on (setting faults.reportJob).");
    await expect(item).toContainText("(attempt 3)");
    await item.locator("summary", { hasText: "(attempt 3)" }).click(); // the stack, for the screenshot
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${SCREENSHOTS}/error-queue.png`, fullPage: true });

    // The cause is fixed; the admin retries, and the process ends.
    await faultSwitch(false);
    await item.getByRole("button", { name: "Revive" }).click();
    await expect(item).toBeHidden({ timeout: 15_000 });
    await engineer.goto(processPage);
    await expect(engineer.getByTestId("process-status")).toHaveText("done", { timeout: 30_000 });
    await expect(engineer.getByTestId("process-task").filter({ hasText: "Render the report" })).toHaveCount(2);
    const [download] = await Promise.all([engineer.waitForEvent("download"), engineer.getByRole("link", { name: /\.pdf$/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Purlin-.*-report\.pdf$/);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
  } finally {
    await faultSwitch(false);
    await database.end();
  }
});

// The process page stayed "running" after its report job ended: rendered on the server just before
// the job committed, it reached the browser after the change was heard, and nothing refreshed it.
// Here the job is held (its file's row locked) so its commit lands while the page is on its way.
test("a process page rendered just before its job ends, and shown just after, refreshes itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const engineer = await as(browser, "engineer");
  const reviewer = await as(browser, "reviewer");
  const beam = `Lintel ${Date.now().toString(36)}`;
  await createEntity(engineer, "beam", beam);
  const processPage = await submitForReview(engineer);

  const blocker = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await blocker.connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE storage_object IN SHARE MODE"); // the report's file waits here
    await approveFromQueue(reviewer, beam);
    await engineer.goto("/inbox?tab=archive");

    let delivered!: () => void;
    const pageDelivered = new Promise<void>((resolve) => (delivered = resolve));
    let held = false;
    await engineer.route(
      (url) => url.pathname === processPage,
      async (route) => {
        const headers = route.request().headers();
        if (held || !headers.rsc || headers["next-router-prefetch"]) return route.continue();
        held = true;
        const rendered = await route.fetch(); // rendered now, while the job still waits
        await blocker.query("COMMIT"); // the job ends; the browser hears of it…
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.fulfill({ response: rendered }); // …before the page arrives
        delivered();
      },
    );
    await engineer.locator(`a[href="${processPage}"]`).first().click();
    await pageDelivered;
    await expect(engineer.getByTestId("process-status")).toHaveText("done", { timeout: 10_000 });
  } finally {
    await blocker.query("ROLLBACK").catch(() => {});
    await blocker.end();
  }
});

test("an engineer gets a 403 page for the error queue and for another user's task", async ({ browser }) => {
  const engineer = await as(browser, "engineer");
  expect((await engineer.goto("/admin/errors"))?.status()).toBe(403);

  const reviewer = await as(browser, "reviewer");
  const beam = `Access ${Date.now().toString(36)}`;
  await createEntity(engineer, "beam", beam);
  await engineer.getByRole("button", { name: "Submit for review" }).click();
  await expect(engineer.getByText("Started.")).toBeVisible();
  await reviewer.goto("/inbox?tab=queue");
  const row = reviewer.getByTestId("task-row").filter({ hasText: `Review: ${beam}` });
  await row.getByRole("button", { name: "Assign to me" }).click();
  await expect(reviewer.getByText("is now in your inbox")).toBeVisible();
  await reviewer.goto("/inbox");
  const href = (await reviewer.getByRole("link", { name: `Review: ${beam}` }).getAttribute("href"))!;

  // The reviewer's task: the engineer who started the process may not open it.
  expect((await engineer.goto(href))?.status()).toBe(403);
  expect((await engineer.goto("/flows/design-review/processes/nope/tasks/nope"))?.status()).toBe(404);
});
