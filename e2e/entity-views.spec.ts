import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, queryE2eDatabase, signIn } from "./helpers";
import { createEntity, plotCaption, recordViewCalls, viewsPanel, withLoadsOfItsOwn } from "./views-helpers";

// Issue 5: every edit re-runs the active view as one stateless call on the editor's params (saved
// or not); a newer call supersedes an older one, so typing fast sends one request per settled
// value and an older answer never replaces a newer one. Slow views wait for Update. Errors of the
// controller show in the view.

test.describe.configure({ mode: "serial" });

test("editing the beam's length updates the moments and the unity check without a reload, one request per settled value, latest wins", async ({
  page,
}) => {
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

test("a beam its supports cannot hold shows the controller's UserError in the view; contradicting inputs name their fields", async ({
  page,
}) => {
  await signIn(page, "engineer", "/editor");
  await createEntity(page, "beam", "Girder E");
  const views = viewsPanel(page);
  await views.tab("Moments").click();
  await expect(plotCaption(views.panel)).toContainText("M characteristic");

  await page.getByRole("button", { name: "Remove row 2 of Supports" }).click();
  const alert = views.panel.getByRole("alert");
  await expect(alert).toContainText("The beam is a mechanism: it can rotate freely about its only support at x = 0 m.");
  await expect(alert).toHaveAttribute("data-failure", "refused");
  await expect(plotCaption(views.panel)).toHaveCount(0);

  // Two supports on node A: valid one by one, contradictory together (an InputViolation).
  await page.getByRole("button", { name: "Add row to Supports" }).click();
  const supports = page.getByRole("grid", { name: "Supports" });
  const secondNode = supports.getByLabel("Supported node row 2");
  await secondNode.selectOption("A");
  await expect(alert).toHaveAttribute("data-failure", "invalid_input");
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

test("the slow full analysis runs only on Update, shows progress, says 'outdated' after an edit, and can be cancelled", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "engineer", "/editor");
  const entityId = (await createEntity(page, "beam", "Girder S")).split("/").pop()!;
  await withLoadsOfItsOwn(page);
  const calls = recordViewCalls(page);
  const longCalls = () =>
    queryE2eDatabase<{ status: string }>(
      `SELECT status FROM long_call WHERE "entityId" = $1 AND name = 'fullAnalysis' ORDER BY "createdAt"`,
      [entityId],
    );
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
  // It ran in the job queue as a long call (lib/calls), not inside the request.
  expect(await longCalls()).toEqual([{ status: "done" }]);

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
  // Cancel reached the worker: the call ended cancelled, not done.
  await expect.poll(async () => (await longCalls()).map((call) => call.status)).toEqual(["done", "cancelled"]);

  // Update recomputes on the new params; the notice goes.
  const governingBefore = await result.locator("[data-status]").first().textContent();
  await views.panel.getByRole("button", { name: "Update" }).click();
  await expect(outdated).toHaveCount(0, { timeout: 60_000 });
  await expect(bar).toHaveCount(0, { timeout: 60_000 });
  await expect(result.locator("[data-status]").first()).not.toHaveText(governingBefore ?? "");
  expect(calls.count("fullAnalysis")).toBe(3);
});

test("the slow view runs in the job queue: the launcher's worker killed mid-run is replaced, the progress bar resumes to the result, and no one else may follow the call", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "engineer", "/editor");
  const entityId = (await createEntity(page, "beam", "Girder K")).split("/").pop()!;
  await withLoadsOfItsOwn(page);
  const views = viewsPanel(page);
  await views.tab("Full analysis").click();
  await views.panel.getByRole("button", { name: "Update" }).click();
  const bar = views.panel.getByRole("progressbar");
  const percent = async () => Number((await bar.getAttribute("aria-valuenow")) ?? "NaN");
  await expect.poll(percent, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);

  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    // The worker holding this call's job, by the pid its heartbeat row records; killed as a crash would.
    const { rows } = await client.query<{ id: string; pid: number }>(
      `SELECT c.id, h.pid FROM long_call c
         JOIN graphile_worker._private_jobs j ON j.payload->>'callId' = c.id
         JOIN worker_heartbeat h ON h."workerId" = j.locked_by
        WHERE c."entityId" = $1 AND c.status = 'running'`,
      [entityId],
    );
    expect(rows).toHaveLength(1);
    const [{ id: callId, pid }] = rows as [{ id: string; pid: number }];
    const before = await percent();
    process.kill(pid, "SIGKILL");

    // The launcher starts another worker; its heartbeat hands the job back; it runs the view again.
    await expect(views.panel.getByRole("status").filter({ hasText: "(started again: the worker running it stopped)" })).toBeVisible({
      timeout: 60_000,
    });
    await expect.poll(percent).toBeLessThan(before);
    const result = views.panel.locator("[data-view-kind=combined]");
    await expect(result).toBeVisible({ timeout: 90_000 });
    await expect(result).toContainText("Governing unity check");
    expect((await client.query(`SELECT status, attempts FROM long_call WHERE id = $1`, [callId])).rows).toEqual([
      { status: "done", attempts: 2 },
    ]);

    // Someone else gets "not found" for the call, to follow and to cancel.
    const other = await browser.newContext();
    try {
      const reviewer = await other.newPage();
      await signIn(reviewer, "reviewer", "/editor");
      expect((await reviewer.request.get(`/api/calls/${callId}`)).status()).toBe(404);
      expect(
        (await reviewer.request.post(`/api/calls/${callId}/cancel`, { headers: { origin: new URL(page.url()).origin } })).status(),
      ).toBe(404);
      expect((await page.request.get(`/api/calls/${callId}`)).status()).toBe(200);
    } finally {
      await other.close();
    }
  } finally {
    await client.end();
  }
});

test("a slow view whose progress stream breaks follows its call again, and the bar carries on to the result", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, "engineer", "/editor");
  const entityId = (await createEntity(page, "beam", "Girder B")).split("/").pop()!;
  await withLoadsOfItsOwn(page);
  const views = viewsPanel(page);
  const follows: string[] = [];
  page.on("request", (request) => request.method() === "GET" && request.url().includes("/api/calls/") && follows.push(request.url()));
  await views.tab("Full analysis").click();
  await views.panel.getByRole("button", { name: "Update" }).click();
  const bar = views.panel.getByRole("progressbar");
  await expect.poll(async () => Number((await bar.getAttribute("aria-valuenow")) ?? "NaN"), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);

  // The connection breaks (the browser's sockets to the server destroyed, as a dropped network or a
  // restarting proxy would): the POST's stream fails; the call runs on in the worker.
  execFileSync("ss", ["-K", "dport", "=", `:${new URL(baseURL!).port}`], { stdio: "ignore" });
  await expect.poll(() => follows.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const result = views.panel.locator("[data-view-kind=combined]");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("Governing unity check");
  await expect(views.panel.getByText("Cancelled.")).toHaveCount(0);
  // One call, run once: following again started nothing new.
  expect(await queryE2eDatabase(`SELECT status, attempts FROM long_call WHERE "entityId" = $1`, [entityId])).toEqual([
    { status: "done", attempts: 1 },
  ]);
});

test("the view route answers a failure as JSON with its status, and refuses other origins", async ({ page, baseURL }) => {
  await signIn(page, "engineer", "/editor");
  const url = await createEntity(page, "cube", "Route check");
  const id = url.split("/").pop()!;
  const post = (path: string, data: unknown, headers: Record<string, string> = {}) =>
    page.request.post(path, { data, headers: { origin: baseURL!, ...headers } });

  const ok = await post(`/api/entities/${id}/views/volume`, { params: { length: 2, width: 3, height: 4 } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({
    ok: true,
    value: { kind: "data", items: expect.arrayContaining([{ label: "Volume", value: 24, suffix: "m³", decimals: 3 }]) },
  });

  const cases: [string, unknown, number, unknown][] = [
    [
      `/api/entities/${id}/views/volume`,
      { params: { length: 500, width: 1, height: 1 } },
      422,
      { code: "invalid_input", fields: [{ path: "length" }] },
    ],
    [`/api/entities/${id}/views/nope`, { params: {} }, 404, { code: "not_found", message: 'There is no view "nope".' }],
    [
      `/api/entities/00000000-0000-0000-0000-000000000000/views/volume`,
      { params: {} },
      404,
      { code: "not_found", message: "There is no such entity, or you may not see it." },
    ],
    [`/api/entities/${id}/views/volume`, { nothing: true }, 400, { code: "bad_request", fields: [{ path: "params" }] }],
  ];
  for (const [path, data, status, failure] of cases) {
    const response = await post(path, data);
    expect(response.status(), path).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, failure });
  }
  const foreign = await post(`/api/entities/${id}/views/volume`, { params: {} }, { origin: "https://evil.example" });
  expect(foreign.status()).toBe(403);
});
