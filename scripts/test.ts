/**
 * `npm test`: type check, lint, unit and integration tests (Vitest, real
 * PostgreSQL), the production build, then browser tests (Playwright in
 * Debian's Chromium). Every suite runs even when an earlier one failed, and
 * the last line is the sum over all of them: `N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { z } from "zod";

type Tally = { suite: string; passed: number; failed: number; skipped: number };
const tallies: Tally[] = [];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

const bin = (name: string) => `node_modules/.bin/${name}`;

/** A step that is one check (type check, lint, build): 1 passed or 1 failed. */
function step(suite: string, ok: boolean): boolean {
  tallies.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

// ─── Chromium (and ss) for the browser tests ────────────────────────────────
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// `ss` (iproute2) breaks the browser's connections in e2e/entity-views.spec.ts; minimal images lack it.
const hasSs = () => existsSync("/usr/bin/ss") || existsSync("/bin/ss") || existsSync("/usr/sbin/ss") || existsSync("/sbin/ss");
function ensureChromium(): boolean {
  const missing = [...(existsSync(chromium) ? [] : ["chromium"]), ...(hasSs() ? [] : ["iproute2"])];
  if (missing.length === 0) return true;
  const debianRoot = existsSync("/etc/debian_version") && process.getuid?.() === 0;
  if (debianRoot) {
    console.log(`\n━━ Missing for the browser tests: installing Debian's ${missing.join(" and ")} (apt-get install)…`);
    if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", ...missing]) && existsSync(chromium) && hasSs())
      return true;
  }
  console.error(
    `\nThe browser tests need Chromium at ${chromium} and iproute2's ss, and ${missing.join(" and ")} is not there.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}\n` +
      `or point CHROMIUM_PATH at a Chromium binary. The browser tests count as failed until then.`,
  );
  return false;
}

// ─── Vitest: unit and integration, told apart by file name ───────────────────
const vitestReport = z.object({
  testResults: z.array(z.object({ name: z.string(), assertionResults: z.array(z.object({ status: z.string() })) })),
});

function vitest(): void {
  rmSync("test-results/vitest.json", { force: true });
  const ok = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
  if (!existsSync("test-results/vitest.json")) {
    step("vitest", false);
    return;
  }
  const report = vitestReport.parse(JSON.parse(readFileSync("test-results/vitest.json", "utf8")));
  const unit: Tally = { suite: "unit", passed: 0, failed: 0, skipped: 0 };
  const integration: Tally = { suite: "integration", passed: 0, failed: 0, skipped: 0 };
  for (const file of report.testResults) {
    const tally = file.name.endsWith(".db.test.ts") ? integration : unit;
    if (file.assertionResults.length === 0) tally.failed += 1; // a file that failed to load
    for (const test of file.assertionResults) {
      if (test.status === "passed") tally.passed += 1;
      else if (test.status === "failed") tally.failed += 1;
      else tally.skipped += 1;
    }
  }
  if (!ok && unit.failed + integration.failed === 0) unit.failed += 1; // vitest failed for another reason
  tallies.push(unit, integration);
}

// ─── Playwright ──────────────────────────────────────────────────────────────
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), skipped: z.number(), flaky: z.number() }),
});

function playwright(): void {
  rmSync("test-results/e2e.json", { force: true });
  const port = process.env.E2E_PORT ?? String(3200 + Math.floor(Math.random() * 700));
  const ok = run(bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: "test-results/e2e.json",
    E2E_PORT: port,
  });
  rmSync(`.data/e2e-${port}`, { recursive: true, force: true });
  if (!existsSync("test-results/e2e.json")) {
    step("browser", false);
    return;
  }
  const { stats } = playwrightReport.parse(JSON.parse(readFileSync("test-results/e2e.json", "utf8")));
  const failed = stats.unexpected + stats.flaky + (ok || stats.unexpected + stats.flaky > 0 ? 0 : 1);
  tallies.push({ suite: "browser", passed: stats.expected, failed, skipped: stats.skipped });
}

// ─── The run ─────────────────────────────────────────────────────────────────
const started = Date.now();
const browserReady = ensureChromium();
step("typecheck", run(bin("tsc"), ["--noEmit"]));
step("lint", run(bin("eslint"), [".", "--max-warnings=0"]));
vitest();
const built = step("build", run(bin("next"), ["build"]));
if (built && browserReady) playwright();
else step("browser", false);

console.log(`\n━━ Summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const t of tallies) {
  console.log(
    `  ${t.suite.padEnd(12)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(4)} failed${t.skipped ? ` ${t.skipped} skipped` : ""}`,
  );
}
const sum = (key: "passed" | "failed" | "skipped") => tallies.reduce((n, t) => n + t[key], 0);
const skipped = sum("skipped");
console.log(`${sum("passed")} passed, ${sum("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(sum("failed") === 0 ? 0 : 1);
