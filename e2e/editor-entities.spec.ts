import { expect, test, type Page } from "@playwright/test";
import { DEMO, queryE2eDatabase, signIn } from "./helpers";

// Issue 4: an engineer builds a project and a steel beam in the tree, edits the beam's params in
// two tabs and a table, saves, and finds them after a reload; a second session's save of the same
// beam is refused with who changed it; the history restores the first version.

async function createProjectAndBeam(page: Page, project: string, beam: string): Promise<string> {
  await page.goto("/editor");
  await page.getByRole("button", { name: "New project" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(project);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${project}` }).click();
  await page.getByRole("button", { name: "New inside…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Type")).toHaveValue("beam");
  await dialog.getByLabel("Name").fill(beam);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: beam })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: project })).toBeVisible();
  return page.url();
}

test("an engineer creates a project and a beam, edits two tabs and a table, saves, reloads; a second session is refused; history restores version 1", async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  await signIn(page, "engineer", "/editor");
  const beamUrl = await createProjectAndBeam(page, `Footbridge ${suffix}`, "Main girder");

  // Geometry tab: the tabs are tabs, fields are found by their label.
  await expect(page.getByRole("tab", { name: "Geometry" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("radio", { name: "HEA" }).check();
  // The profile's options are computed from the family at once, in the browser.
  await expect(page.getByLabel("Profile", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Profile", { exact: true }).selectOption("HEA 300");
  await expect(page.getByLabel("Profile", { exact: true })).toHaveAttribute("aria-invalid", "false");
  await page.getByLabel("Steel grade").selectOption("S275");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // The nodes table: Enter on the last row adds a row and moves into it.
  const nodes = page.getByRole("grid", { name: "Nodes" });
  await nodes.getByLabel("Node position row 3").click();
  await page.keyboard.press("Enter");
  await expect(nodes.getByLabel("Node position row 4")).toBeFocused();
  await page.keyboard.type("8");
  await expect(nodes.getByLabel("Node id row 4")).toHaveAttribute("aria-invalid", "true");
  await nodes.getByLabel("Node id row 4").fill("D");
  await expect(nodes.getByLabel("Node id row 4")).toHaveAttribute("aria-invalid", "false");

  // Loads tab, reached with the arrow key from the selected tab.
  await page.getByRole("tab", { name: "Geometry" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Loads" })).toHaveAttribute("aria-selected", "true");
  const pointLoads = page.getByRole("grid", { name: "Point loads" });
  // Out of range: the beam ends at the last node, 8 m; the error is at the cell and named by it.
  await pointLoads.getByLabel("Load position row 1").fill("12");
  await expect(pointLoads.getByLabel("Load position row 1")).toHaveAttribute("aria-invalid", "true");
  await expect(pointLoads.getByText("Load position must be at most 8 m")).toBeVisible();
  await expect(page.getByRole("tab", { name: /Loads.*1 error/ })).toBeVisible();
  await pointLoads.getByLabel("Load position row 1").fill("4");
  await pointLoads.getByLabel("Force row 1").fill("65");
  await page.getByLabel("Load factor").fill("1.5");

  await page.keyboard.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  await expect(page.getByText("Unsaved changes")).toBeHidden();

  // A reload shows the same params.
  await page.reload();
  await expect(page.getByText("Version 2 ·")).toBeVisible();
  await expect(page.getByRole("radio", { name: "HEA" })).toBeChecked();
  await expect(page.getByLabel("Profile", { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByLabel("Profile", { exact: true }).locator("option:checked")).toHaveText("HEA 300");
  await expect(page.getByLabel("Steel grade").locator("option:checked")).toHaveText("S275");
  await expect(page.getByRole("grid", { name: "Nodes" }).getByLabel("Node id row 4")).toHaveValue("D");
  await expect(page.getByRole("grid", { name: "Nodes" }).getByLabel("Node position row 4")).toHaveValue("8");
  await page.getByRole("tab", { name: "Loads" }).click();
  await expect(pointLoads.getByLabel("Load position row 1")).toHaveValue("4");
  await expect(pointLoads.getByLabel("Force row 1")).toHaveValue("65");
  await expect(page.getByLabel("Load factor")).toHaveValue("1.50");

  // A second browser session opens the same beam at version 2 …
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "engineer", beamUrl);
  await second.goto(beamUrl);
  await second.getByRole("tab", { name: "Loads" }).click();
  // … the first session saves meanwhile …
  await pointLoads.getByLabel("Force row 1").fill("70");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 3." })).toBeVisible();
  // … and the second session's save is refused, naming who changed it, with the difference to review.
  await second.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1").fill("90");
  await second.getByRole("button", { name: "Save" }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "Not saved." });
  await expect(conflict).toContainText("Changed by Erin Engineer");
  await expect(conflict).toContainText("since you opened it");
  await conflict.getByRole("button", { name: "Review the difference" }).click();
  const difference = conflict.getByRole("table", { name: /Differences between/ });
  await expect(difference.getByRole("row", { name: /Point loads › row 1 › Force/ })).toContainText("70 kN");
  await expect(difference.getByRole("row", { name: /Point loads › row 1 › Force/ })).toContainText("90 kN");
  await expect(second.getByText("Unsaved changes")).toBeVisible();
  await other.close();

  // The history lists every version; restoring version 1 saves it as version 4.
  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History" });
  await expect(history.getByRole("list", { name: "Saved versions" }).getByRole("listitem")).toHaveCount(3);
  await expect(history.getByRole("table", { name: "Differences between Version 2 and Version 3" })).toContainText("65 kN");
  await history.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored version 1 as version 4." })).toBeVisible();
  await expect(page.getByLabel("Load factor")).toHaveValue("1.35");
  await expect(pointLoads.getByLabel("Force row 1")).toHaveValue("50");
  await page.reload();
  await expect(page.getByText("Version 4 ·")).toBeVisible();
  await expect(page.getByRole("radio", { name: "IPE" })).toBeChecked();
  await expect(page.getByRole("grid", { name: "Nodes" }).getByLabel("Node position row 4")).toHaveCount(0);
});

test("the tree renames, duplicates, moves and deletes (asking first, naming how many go)", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await signIn(page, "engineer", "/editor");
  await createProjectAndBeam(page, `Tower ${suffix}`, "Column");
  const tree = page.getByRole("navigation", { name: "Entities" });

  await tree.getByRole("button", { name: "Actions for Column" }).click();
  await tree.getByRole("button", { name: "Rename…" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Edge column");
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  await expect(tree.getByRole("link", { name: "Edge column" })).toBeVisible();

  await tree.getByRole("button", { name: "Actions for Edge column" }).click();
  await tree.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edge column (copy)" })).toBeVisible();

  // A second project to move the copy into.
  await tree.getByRole("button", { name: "New project" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(`Annex ${suffix}`);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Annex ${suffix}` })).toBeVisible();
  await tree.getByRole("button", { name: "Actions for Edge column (copy)" }).click();
  await tree.getByRole("button", { name: "Move…" }).click();
  await page
    .getByRole("dialog")
    .getByLabel("Move to")
    .selectOption({ label: `Annex ${suffix}` });
  await page.getByRole("dialog").getByRole("button", { name: "Move" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await tree.getByRole("button", { name: `Actions for Tower ${suffix}` }).click();
  await tree.getByRole("button", { name: "Delete…" }).click();
  const confirm = page.getByRole("dialog", { name: `Delete Tower ${suffix}?` });
  await expect(confirm).toContainText("and the 1 entity inside it will be deleted");
  await confirm.getByRole("button", { name: "Delete 2 entities" }).click();
  await expect(tree.getByRole("link", { name: `Tower ${suffix}` })).toHaveCount(0);
  await expect(tree.getByRole("link", { name: "Edge column (copy)" })).toBeVisible();
});

test("rows pasted from a spreadsheet fill the grid, and leaving with unsaved changes asks first", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await signIn(page, "engineer", "/editor");
  await createProjectAndBeam(page, `Hall ${suffix}`, "Purlin");
  await page.getByRole("tab", { name: "Loads" }).click();
  const pointLoads = page.getByRole("grid", { name: "Point loads" });
  // What a spreadsheet puts on the clipboard: tab-separated cells, a line per row, a decimal comma.
  await pointLoads.getByLabel("Load position row 1").evaluate((cell) => {
    const data = new DataTransfer();
    data.setData("text/plain", "1\t10\n2,5\t20\n4\t30\n");
    cell.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(pointLoads.getByLabel("Load position row 2")).toHaveValue("2.5");
  await expect(pointLoads.getByLabel("Force row 3")).toHaveValue("30");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // A link inside the app asks; staying keeps the edits.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("unsaved changes");
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Editor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Purlin" })).toBeVisible();
  await expect(pointLoads.getByLabel("Force row 3")).toHaveValue("30");
});

// Issue 18: the tree is read a page at a time. A project of 60 beams opens with 50 and a row that
// loads the rest; search finds an entity by name with its path; a deep link opens the tree expanded
// down to its entity. All by keyboard.
test("the tree expands, pages through children, searches and opens a hit, and opens a deep link expanded, by keyboard", async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  const [erin] = await queryE2eDatabase<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [DEMO.engineer.email]);
  // Inserted in SQL: the database's triggers give them their paths as for the app's own.
  await queryE2eDatabase(
    `INSERT INTO entity (id, type, name, "parentId", params, "ownerId") VALUES ($1 || '-yard', 'project', 'Yard ' || $1, NULL, '{}', $2),
       ($1 || '-shed', 'project', 'Shed ' || $1, NULL, '{}', $2), ($1 || '-bay', 'project', 'Bay ' || $1, $1 || '-shed', '{}', $2),
       ($1 || '-purlin', 'beam', 'Hidden purlin ' || $1, $1 || '-bay', '{}', $2)`,
    [suffix, erin!.id],
  );
  await queryE2eDatabase(
    `INSERT INTO entity (id, type, name, "parentId", params, "ownerId")
     SELECT $1 || '-b' || i, 'beam', 'Yard beam ' || lpad(i::text, 2, '0'), $1 || '-yard', '{}', $2 FROM generate_series(1, 60) i`,
    [suffix, erin!.id],
  );
  await signIn(page, "engineer", "/editor");
  const tree = page.getByRole("tree", { name: "Entities" });
  const yard = tree.getByRole("treeitem", { name: `Yard ${suffix}`, exact: true });

  // Expand with the arrow key: the first page of 50, and a row for the other 10.
  await yard.focus();
  await page.keyboard.press("ArrowRight");
  await expect(yard).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: "Yard beam 50" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "Yard beam 51" })).toHaveCount(0);
  const more = tree.getByRole("treeitem", { name: `Show 10 more, of 10 more in Yard ${suffix}` });
  // Down from the last beam of the page reaches the row; Enter loads the next page, focused on its first.
  await tree.getByRole("treeitem", { name: "Yard beam 50" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(more).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(tree.getByRole("treeitem", { name: "Yard beam 51" })).toBeFocused();
  await expect(tree.getByRole("treeitem", { name: "Yard beam 60" })).toBeVisible();
  await expect(more).toHaveCount(0);
  // Enter on a row opens its entity.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Yard beam 51" })).toBeVisible();

  // Search as one types; the hit shows its path; arrows and Enter open it, the tree expanded down to it.
  const search = page.getByRole("combobox", { name: "Search entities by name" });
  await search.focus();
  await page.keyboard.type(`purlin ${suffix}`);
  const hit = page.getByRole("listbox", { name: "Search results" }).getByRole("option", { name: new RegExp(`Hidden purlin ${suffix}`) });
  await expect(hit).toContainText(`Shed ${suffix} / Bay ${suffix}`);
  await page.keyboard.press("ArrowDown");
  await expect(hit).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Hidden purlin ${suffix}` })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: `Bay ${suffix}`, exact: true })).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: `Hidden purlin ${suffix}` })).toHaveAttribute("aria-selected", "true");

  // A deep link, loaded afresh: deep in the yard's 60 beams, the page around it, and the way back up by keyboard.
  await page.goto(`/editor/${suffix}-b55`);
  await expect(page.getByRole("heading", { level: 1, name: "Yard beam 55" })).toBeVisible();
  const current = tree.getByRole("treeitem", { name: "Yard beam 55" });
  await expect(current).toHaveAttribute("aria-selected", "true");
  await expect(tree.getByRole("treeitem", { name: `Yard ${suffix}`, exact: true })).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: /earlier in Yard/ })).toBeVisible();
  await current.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tree.getByRole("treeitem", { name: `Yard ${suffix}`, exact: true })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(tree.getByRole("treeitem", { name: `Yard ${suffix}`, exact: true })).toHaveAttribute("aria-expanded", "false");
});
