import { defineConfig } from "vitest/config";

// Two projects: `unit` for pure logic (no database), `integration` for
// anything that touches PostgreSQL. An integration test file is named
// `*.db.test.ts` and gets a fresh database of its own (test/database.ts).
export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside Next's server bundle; tests are server code.
    alias: { "server-only": new URL("./test/empty-module.ts", import.meta.url).pathname },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,definitions,scripts,test}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["test/install.ts"],
          // A hang's bound, not a speed check: property tests take several seconds on a loaded machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,components,definitions,scripts,test}/**/*.db.test.ts"],
          environment: "node",
          globalSetup: ["test/start-test-database.ts"],
          setupFiles: ["test/database.ts", "test/install.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
