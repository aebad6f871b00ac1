import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against the production build, served
 * by the real launcher (embedded PostgreSQL in a fresh data folder).
 * `npm test` builds first; the launcher rebuilds only when sources changed.
 */
// A port of its own for each run (several people or agents may test at once on
// one machine). Set here in the runner, inherited by its workers.
process.env.E2E_PORT ??= String(3200 + Math.floor(Math.random() * 700));
const port = Number(process.env.E2E_PORT);
export const baseURL = `http://localhost:${port}`;
/** The e2e server's data folder (its embedded PostgreSQL lives there). */
export const e2eDataDir = `.data/e2e-${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--enable-unsafe-swiftshader",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${e2eDataDir} && node --import tsx scripts/start.ts`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 240_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    env: {
      PORT: String(port),
      GUSSET_DATA_DIR: e2eDataDir,
      BETTER_AUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // The throttle's own test uses a dedicated account; keep the address
      // limit high so the suite's sign-ins from 127.0.0.1 never trip it.
      GUSSET_SIGN_IN_LIMIT_ADDRESS: "1000",
      // A killed worker's jobs are handed back after 5 s rather than 30 (the slow view's crash test).
      GUSSET_WORKER_HEARTBEAT_MS: "500",
      GUSSET_WORKER_STALE_MS: "5000",
    },
  },
});
