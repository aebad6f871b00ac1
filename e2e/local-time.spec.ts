import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createEntity } from "./views-helpers";

// Dates are rendered on a server that knows no reader's zone. A reader in Kolkata (UTC+5:30, so no
// whole-hour coincidence) must see their own clock time once the page is live, and the hydration of
// the server's HTML must not fail on the difference (React reports that as a console error).
test.use({ timezoneId: "Asia/Kolkata" });

const KOLKATA = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Kolkata",
});

test("dates show in the reader's own zone, with no hydration error", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));

  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", `Zoned ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Submit for review" }).click();
  const process = page.getByTestId("entity-process").first();
  await expect(process).toContainText("design-review");
  const processHref = (await process.getByRole("link", { name: "design-review" }).getAttribute("href"))!;

  // A client component (the editor's processes panel), after a full load.
  await page.reload();
  const panelTime = page.getByTestId("entity-process").first().locator("time");
  const started = (await panelTime.getAttribute("datetime"))!;
  await expect(panelTime).toHaveText(KOLKATA.format(new Date(started)));

  // A server component (the process page).
  await page.goto(processHref);
  const pageTime = page.getByText("Started by").locator("time");
  await expect(pageTime).toHaveText(KOLKATA.format(new Date((await pageTime.getAttribute("datetime"))!)));
  await expect(pageTime).not.toContainText("UTC");
  expect(errors).toEqual([]);
});
