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
    // lib/ is the platform: no React there (docs/architecture.md).
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["react", "react-dom"], patterns: ["@/components/*"] }],
    },
  },
  {
    // definitions/ is author code: only the public DSL, never the database.
    files: ["definitions/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/lib/db/*", "@/lib/auth/*", "@prisma/*", "pg"] }],
    },
  },
]);
