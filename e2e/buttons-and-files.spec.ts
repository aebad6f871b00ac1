import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { BEAM_CSV_EXAMPLE } from "@/definitions/beam/from-csv";
import { queryE2eDatabase, signIn } from "./helpers";
import { newProject } from "./views-helpers";

// Issue 6: the beam's buttons (the report PDF and the forces CSV downloaded and read back, the
// lightest-profile search with its progress and a picked candidate in the form, set params and
// an action), a beam created from a CSV upload and a malformed CSV refused by line and column with
// nothing created, and a file field's upload and download round trip.

test.describe.configure({ mode: "serial" });

async function newBeam(page: Page, project: string, name: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${project}` }).click();
  await page.getByRole("button", { name: "New inside…" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function download(page: Page, buttonName: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent("download");
  await page.getByRole("button", { name: buttonName, exact: true }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test("the beam's report PDF and forces CSV download with their content; the lightest profile search shows progress and its pick changes the form; set params and send work", async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  await signIn(page, "engineer", "/editor");
  await newProject(page, `Buttons ${suffix}`);
  await newBeam(page, `Buttons ${suffix}`, "Girder G1");
  await page.getByRole("tab", { name: "Loads" }).click();

  // The report: a real PDF, its text extracted with pdf-parse.
  const report = await download(page, "Download report (PDF)");
  expect(report.name).toBe("Girder-G1-report.pdf");
  expect(report.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await new PDFParse({ data: new Uint8Array(report.bytes) }).getText();
  expect(text).toContain("Girder G1: steel beam check");
  expect(text).toMatch(/Profile\s+IPE 300/);
  expect(text).toMatch(/Point loads\s+50 kN at 3 m/);
  expect(text).toMatch(/Bending\s+[\d.]+ \/ [\d.]+ kNm\s+UC 0\.\d\d\s+OK/);
  expect(text).toContain("Governing unity check");
  expect(text).toContain("Bending moment M (kNm), sagging drawn below the axis");

  // The internal forces: CSV, parsed; the design moment at midspan is 1.35 × (PL/4 + gL²/8).
  const forces = await download(page, "Download internal forces (CSV)");
  expect(forces.name).toBe("Girder-G1-forces.csv");
  const [header, ...lines] = forces.bytes.toString("utf8").trim().split("\n");
  expect(header).toBe("x_m,V_kN,M_kNm,w_mm");
  const rows = lines.map((line) => line.split(",").map(Number));
  expect(rows.length).toBeGreaterThan(20);
  expect(rows.every((row) => row.length === 4 && row.every(Number.isFinite))).toBe(true);
  expect(rows[0]![0]).toBe(0);
  expect(rows.at(-1)![0]).toBe(6);
  const maxM = Math.max(...rows.map((row) => row[2]!));
  expect(maxM).toBeGreaterThan(100);
  expect(maxM).toBeLessThan(106);

  // The lightest profile: record every progress the page shows while it runs.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const observe = () => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Find the lightest profile: progress"]');
      if (bar) seen.push(`${bar.value.toFixed(2)} ${bar.parentElement?.textContent ?? ""}`);
      requestAnimationFrame(observe);
    };
    observe();
  });
  const search = page.getByRole("button", { name: "Find the lightest profile", exact: true });
  const runs: string[] = [];
  page.on("request", (request) => request.url().includes("/buttons/lightest") && runs.push(request.url()));
  // A double click: the second click, while the first run is on, starts nothing.
  await search.dblclick();
  const dialog = page.getByRole("dialog", { name: "Find the lightest profile" });
  await expect(dialog).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((line) => /Checking (IPE|HEA|HEB) \d+ \(\d+ of \d+\)/.test(line))).toBe(true);
  await expect(search).toBeEnabled();
  expect(runs).toHaveLength(1);
  // It ran in the job queue as a long call (lib/calls), not inside the request.
  const entityId = new URL(page.url()).pathname.split("/").pop()!;
  expect(await queryE2eDatabase(`SELECT kind, name, status, attempts FROM long_call WHERE "entityId" = $1`, [entityId])).toEqual([
    { kind: "button", name: "lightest", status: "done", attempts: 1 },
  ]);

  await expect(dialog.getByText(/\d+ of \d+ profiles pass; the 5 lightest are shown\./)).toBeVisible();
  await expect(dialog.getByRole("columnheader")).toHaveText(["Profile", "Mass [kg/m]", "Max UC", "Pick"]);
  const first = dialog.getByRole("row").nth(1);
  const profile = (await first.getByRole("cell").first().textContent())!.trim();
  expect(profile).toMatch(/^(IPE|HEA|HEB) \d+$/);
  expect(Number(await first.getByRole("cell").nth(2).textContent())).toBeLessThan(1);
  expect(profile).not.toBe("IPE 300"); // lighter than the default
  await dialog.getByRole("button", { name: `Use this: ${profile}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${profile} applied. Not saved yet.`)).toBeVisible();
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("tab", { name: "Geometry" }).click();
  await expect(page.getByLabel("Profile", { exact: true }).locator("option:checked")).toHaveText(profile);
  await expect(page.getByRole("radio", { name: profile.split(" ")[0]! })).toBeChecked();

  // Set params: the loads are cleared in the form at once, unsaved.
  await page.getByRole("tab", { name: "Loads" }).click();
  await expect(page.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1")).toHaveValue("50");
  await page.getByRole("button", { name: "Reset loads", exact: true }).click();
  await expect(page.getByRole("grid", { name: "Point loads" }).getByLabel("Force row 1")).toHaveCount(0);
  await expect(page.getByText("Point and distributed loads cleared; self-weight on. Not saved yet.")).toBeVisible();

  // An action, with its message.
  await page.getByRole("button", { name: "Send to the fabricator", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Sent to the fabricator: ${profile} S355, 6 m` })).toBeVisible();
});

test("a beam is created from an uploaded CSV; a malformed CSV is refused by line and column and creates nothing", async ({ page }) => {
  const project = `Uploads ${Date.now().toString(36)}`;
  await signIn(page, "engineer", "/editor");
  await newProject(page, project);
  const tree = page.getByRole("navigation", { name: "Entities" });

  const fromFile = async (fileName: string, content: string) => {
    await page.getByRole("button", { name: `Actions for ${project}` }).click();
    await page.getByRole("button", { name: "New from file…" }).click();
    const dialog = page.getByRole("dialog", { name: `New from file in ${project}` });
    await dialog.getByLabel("What the file holds").selectOption({ label: "Steel beam from CSV (nodes, supports, loads) (.csv, .txt)" });
    await dialog.getByLabel("File", { exact: true }).setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(content) });
    await dialog.getByRole("button", { name: "Create from file" }).click();
    return dialog;
  };

  // Malformed first: the problem names the line and the column; the dialog stays; nothing is created.
  const malformed = "name,Bad beam\nnode,A,0\nnode,B,six\nsupport,A,pinned\n";
  const dialog = await fromFile("bad-beam.csv", malformed);
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Nothing was created: the file has problems.");
  await expect(alert.getByRole("listitem")).toHaveText(['Line 3, column 3: the node position x (m) must be a number; "six" is not.']);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(tree.getByRole("link", { name: project })).toBeVisible();
  await expect(tree.getByRole("link", { name: "Bad beam" })).toHaveCount(0);
  await expect(tree.getByRole("link", { name: "bad-beam" })).toHaveCount(0);

  // The example CSV: a new beam, named by its name record, with its nodes and loads.
  await fromFile("b7.csv", BEAM_CSV_EXAMPLE);
  await expect(page.getByRole("heading", { level: 1, name: "Beam from CSV" })).toBeVisible();
  await expect(tree.getByRole("link", { name: "Beam from CSV" })).toBeVisible();
  const nodes = page.getByRole("grid", { name: "Nodes" });
  await expect(nodes.getByLabel("Node position row 2")).toHaveValue("6");
  await page.getByRole("tab", { name: "Loads" }).click();
  await expect(page.getByRole("grid", { name: "Distributed loads" }).getByLabel("q start row 1")).toHaveValue("10");
});

test("a file field uploads a drawing checked by content, links it for download after saving, and removes it", async ({ page }) => {
  const project = `Drawings ${Date.now().toString(36)}`;
  await signIn(page, "engineer", "/editor");
  await newProject(page, project);
  const drawing = page.getByLabel("Drawing", { exact: true });

  // A PNG named .pdf is refused by its content, at the field.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await drawing.setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: png });
  await expect(page.getByRole("alert").filter({ hasText: '"fake.pdf" is named .pdf, but its content is a PNG image.' })).toBeVisible();

  const pdf = Buffer.from("%PDF-1.4\n% Gusset e2e drawing\n%%EOF\n");
  await drawing.setInputFiles({ name: "site plan.pdf", mimeType: "application/pdf", buffer: pdf });
  const link = page.getByRole("link", { name: "site plan.pdf" });
  await expect(link).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();

  await page.reload();
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: "site plan.pdf" }).click();
  const file = await event;
  expect(file.suggestedFilename()).toMatch(/^site[ _]plan\.pdf$/);
  expect(await readFile((await file.path())!)).toEqual(pdf);

  await page.getByRole("button", { name: "Remove Drawing" }).click();
  await expect(page.getByRole("link", { name: "site plan.pdf" })).toHaveCount(0);
  await expect(page.getByText("Unsaved changes")).toBeVisible();
});

// Next's proxy buffered request bodies up to 10 MB and passed the rest on cut short, so an upload
// between 10 and 25 MB was answered with a misleading 400 ("Send multipart form data…"). The
// proxy's buffer is now the upload limit (lib/files/upload-limit.ts), configured once.
test("an upload over a field's 10 MB gets 413 naming the field's limit, and one over 25 MB 413 naming that", async ({ page }) => {
  await signIn(page, "engineer", "/editor");
  const origin = new URL(page.url()).origin;
  const pdf = (megabytes: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(megabytes * 1024 * 1024)]);
  const upload = (buffer: Buffer) =>
    page.request.post("/api/files", {
      headers: { origin },
      multipart: { type: "project", field: "drawing", file: { name: "big.pdf", mimeType: "application/pdf", buffer } },
    });
  const twelve = await upload(pdf(12));
  expect(twelve.status()).toBe(413);
  expect((await twelve.json()).failure.message).toBe('"big.pdf" is 12.0 MB; Drawing takes at most 10.0 MB.');
  const over = await upload(pdf(26));
  expect(over.status()).toBe(413);
  expect((await over.json()).failure.message).toBe("A file is at most 25 MB.");
});
