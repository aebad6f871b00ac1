import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "lib/db/generated/**",
  ]),
  {
    // lib/ is the platform: no React, and never the installation (definitions/), which each
    // process's entry point hands to it (lib/installation, docs/architecture.md).
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts", "lib/**/test-support/**", "lib/**/*.fixture.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom"],
          patterns: [
            { group: ["@/components/*"], message: "lib/ is the platform: no UI." },
            {
              group: ["@/definitions", "@/definitions/*"],
              message: "lib/ never imports definitions/: the installation is handed to it (install).",
            },
          ],
        },
      ],
    },
  },
  {
    // definitions/ is author code: only the public DSL, which is safe to import at the top of a file.
    files: ["definitions/**/*.ts"],
    ignores: ["definitions/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/*",
                "!@/lib/params",
                "!@/lib/controller",
                "!@/lib/controller/memoize",
                "!@/lib/controller/storage",
                "!@/lib/flow",
                "!@/lib/installation",
                "@prisma/*",
                "pg",
              ],
              message:
                "definitions/ imports only the public DSL: @/lib/params, @/lib/controller (with memoize and storage), @/lib/flow, @/lib/installation.",
            },
          ],
        },
      ],
    },
  },
]);
