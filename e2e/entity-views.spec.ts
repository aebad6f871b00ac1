import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createEntity, plotCaption, recordViewCalls, viewsPanel } from "./views-helpers";

// Issue 5: every edit re-runs the active view as one stateless call on the editor's params (saved
// or not); a newer call supersedes an older one, so typing fast sends one request per settled
// value and an older answer never replaces a newer one. Slow views wait for Update. Errors of the
// controller show in the view.

test.describe.configure({ mode: "serial" });

test("editing the beam's length updates the moments and the unity check without a reload, one request per settled value, latest wins", async ({ page }) => {
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Girder L");
  const calls = recordViewCalls(page);
  const views = viewsPanel(page);

  await views.tab("Moments").click();
  await expect(views.tab("Moments")).toHaveAttribute("aria-selected", "true");
  const caption = plotCaption(views.panel);
  await expect(caption).toContainText("M characteristic: from 0 kNm to 76.9 kNm.");
  await expect(views.panel.locator(".recharts-line-curve").first()).toBeVisible();

  // Type 8.5 into the last node's position fast: three keystrokes, one settled value, one request.
  const lastNode = page.getByRole("grid", { name: "Nodes" }).getByLabel("Node position row 3");
  const before = calls.count("moments");
  await lastNode.click();
  await lastNode.press("ControlOrMeta+a");
  await lastNode.pressSequentially("8.5", { delay: 40 });
  await expect(caption).toContainText("M characteristic: from 0 kNm to 100.5 kNm.");
  await page.waitForTimeout(800); // a second request would have been sent by now
  expect(calls.count("moments") - before).toBe(1);
  expect(calls.sent.at(-1)!.params).toMatchObject({ geometry: { nodes: [{ x: 0 }, { x: 3 }, { x: 8.5 }] } });
  await expect(page.getByText("Unsaved changes")).toBeVisible(); // the view ran on unsaved params

  // Latest wins: hold the answer to 7 m back, then type 9 m; the 9 m answer shows, and the
  // older one, cancelled, never replaces it.
  let held = 0;
  await page.route("**/views/moments", async (route) => {
    if (held++ === 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue().catch(() => {}); // the browser may have aborted it meanwhile
  });
  const sentBefore = calls.count("moments");
  await lastNode.fill("7");
  await expect.poll(() => calls.count("moments")).toBe(sentBefore + 1); // 7 m is on its way, held
  await lastNode.fill("9");
  await expect(caption).toContainText("M characteristic: from 0 kNm to 103.8 kNm.");
  await page.waitForTimeout(2_500); // past the held answer
  await expect(caption).toContainText("M characteristic: from 0 kNm to 103.8 kNm.");
  expect(calls.count("moments") - sentBefore).toBe(2);
  expect(calls.failed).toContain("moments"); // the 7 m call was aborted, not merely ignored
  await page.unroute("**/views/moments");

  // Switching to the unity check runs it on the same unsaved params: 9 m fails, in words and colour.
  await views.tab("Unity check").click();
  const max = views.panel.locator("[data-view-kind=data] [data-status]").first();
  await expect(max).toContainText("Max unity check");
  await expect(max).toContainText("1.09");
  await expect(max).toHaveAttribute("data-status", "error");
  await expect(max).toContainText("Error");
  await lastNode.fill("7");
  await expect(max).toContainText("0.73");
  await expect(max).toHaveAttribute("data-status", "success");
  await expect(max).toContainText("OK");
});

test("a beam its supports cannot hold shows the controller's UserError in the view; contradicting inputs name their fields", async ({ page }) => {
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Girder E");
  const views = viewsPanel(page);
  await views.tab("Moments").click();
  await expect(plotCaption(views.panel)).toContainText("M characteristic");

  await page.getByRole("button", { name: "Remove row 2 of Supports" }).click();
  const alert = views.panel.getByRole("alert");
  await expect(alert).toContainText("The beam is a mechanism: it can rotate freely about its only support at x = 0 m.");
  await expect(alert).toHaveAttribute("data-failure", "user");
  await expect(plotCaption(views.panel)).toHaveCount(0);

  // Two supports on node A: valid one by one, contradictory together (an InputViolation).
  await page.getByRole("button", { name: "Add row to Supports" }).click();
  const supports = page.getByRole("grid", { name: "Supports" });
  const secondNode = supports.getByLabel("Supported node row 2");
  await secondNode.selectOption("A");
  await expect(alert).toHaveAttribute("data-failure", "input");
  await expect(alert).toContainText("Node A already has a support (row 1).");
  // The form marks the field the violation names, with its message beside the input.
  await expect(secondNode).toHaveAttribute("aria-invalid", "true");
  await expect(secondNode).toHaveAccessibleDescription("Node A already has a support (row 1).");
  await expect(supports.getByText("Node A already has a support (row 1).")).toBeVisible();
  await expect(supports.getByLabel("Supported node row 1")).toHaveAttribute("aria-invalid", "false");

  // Changing the params clears the mark.
  await secondNode.selectOption("C");
  await expect(plotCaption(views.panel)).toContainText("M characteristic: from 0 kNm to 76.9 kNm.");
  await expect(secondNode).toHaveAttribute("aria-invalid", "false");
  await expect(supports.getByText("Node A already has a support (row 1).")).toHaveCount(0);
});

test("the slow full analysis runs only on Update, shows progress, says 'outdated' after an edit, and can be cancelled", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Girder S");
  const calls = recordViewCalls(page);
  const views = viewsPanel(page);

  await views.tab("Full analysis").click();
  await expect(views.panel).toContainText("runs only when you click Update");
  await page.waitForTimeout(600);
  expect(calls.count("fullAnalysis")).toBe(0);

  await views.panel.getByRole("button", { name: "Update" }).click();
  const bar = views.panel.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(views.panel.getByRole("status").filter({ hasText: /Load position \d+ of 600/ })).toBeVisible();
  const result = views.panel.locator("[data-view-kind=combined]");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("Governing unity check");
  await expect(result).toContainText("Load positions");
  expect(calls.count("fullAnalysis")).toBe(1);

  // An edit leaves the result in place, marked outdated, and runs nothing.
  await page.getByRole("tab", { name: "Loads" }).click();
  await page.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1").fill("80");
  const outdated = views.panel.locator("[data-outdated]");
  await expect(outdated).toContainText("Outdated — the params changed since this result. Update to recompute.");
  await expect(result).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(calls.count("fullAnalysis")).toBe(1);

  // Cancel: the request is aborted, the last result stays, still outdated. (Chromium also reports
  // a streamed response read to its end as ERR_ABORTED, once it ends: so count from here.)
  const abortedBefore = calls.failed.filter((view) => view === "fullAnalysis").length;
  await views.panel.getByRole("button", { name: "Update" }).click();
  await expect(bar).toBeVisible();
  await views.panel.getByRole("button", { name: "Cancel" }).click();
  await expect(views.panel.getByText("Cancelled.")).toBeVisible();
  await expect(outdated).toBeVisible();
  await expect(result).toBeVisible();
  await expect.poll(() => calls.failed.filter((view) => view === "fullAnalysis").length).toBe(abortedBefore + 1);

  // Update recomputes on the new params; the notice goes.
  const governingBefore = await result.locator("[data-status]").first().textContent();
  await views.panel.getByRole("button", { name: "Update" }).click();
  await expect(outdated).toHaveCount(0, { timeout: 60_000 });
  await expect(bar).toHaveCount(0, { timeout: 60_000 });
  await expect(result.locator("[data-status]").first()).not.toHaveText(governingBefore ?? "");
  expect(calls.count("fullAnalysis")).toBe(3);
});

test("the view route answers a failure as JSON with its status, and refuses other origins", async ({ page, baseURL }) => {
  await signIn(page, "engineer", "/editor");
  const url = await createEntity(page, "cube", "Route check");
  const id = url.split("/").pop()!;
  const post = (path: string, data: unknown, headers: Record<string, string> = {}) => page.request.post(path, { data, headers: { origin: baseURL!, ...headers } });

  const ok = await post(`/api/entities/${id}/views/volume`, { params: { length: 2, width: 3, height: 4 } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ ok: true, result: { kind: "data", items: expect.arrayContaining([{ label: "Volume", value: 24, suffix: "m³", decimals: 3 }]) } });

  const cases: [string, unknown, number, unknown][] = [
    [`/api/entities/${id}/views/volume`, { params: { length: 500, width: 1, height: 1 } }, 422, { kind: "input", fields: [{ path: "length" }] }],
    [`/api/entities/${id}/views/nope`, { params: {} }, 404, { kind: "not_found", message: 'There is no view or button "nope".' }],
    [`/api/entities/00000000-0000-0000-0000-000000000000/views/volume`, { params: {} }, 404, { kind: "not_found", message: "There is no such entity, or you may not see it." }],
    [`/api/entities/${id}/views/volume`, { nothing: true }, 400, { kind: "input", message: "Send { params: { … } } as JSON." }],
  ];
  for (const [path, data, status, failure] of cases) {
    const response = await post(path, data);
    expect(response.status(), path).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, failure });
  }
  const foreign = await post(`/api/entities/${id}/views/volume`, { params: {} }, { origin: "https://evil.example" });
  expect(foreign.status()).toBe(403);
});
