import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  engineer: { email: "engineer@gusset.local", password: "gusset-engineer", name: "Erin Engineer" },
  reviewer: { email: "reviewer@gusset.local", password: "gusset-reviewer", name: "Ravi Reviewer" },
  admin: { email: "admin@gusset.local", password: "gusset-admin", name: "Ada Admin" },
} as const;

export type DemoRole = keyof typeof DEMO;

export async function signIn(page: Page, role: DemoRole, next = "/"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(DEMO[role].email);
  await page.getByLabel("Password").fill(DEMO[role].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  // A redirect after a server action renders the target in the same response
  // even if the cookie was refused (shared/notes/integration.md, trap 13).
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** The e2e server's database (its embedded PostgreSQL, in the run's data folder), for tests that set what no page may. */
export function e2eDatabaseUrl(): string {
  const { port, password } = JSON.parse(readFileSync(`.data/e2e-${process.env.E2E_PORT}/postgres.json`, "utf8")) as {
    port: number;
    password: string;
  };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/gusset`;
}

/** Runs one query on the e2e server's database and answers its rows. */
export async function queryE2eDatabase<R>(sql: string, params: unknown[] = []): Promise<R[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as R[];
  } finally {
    await client.end();
  }
}

/** Every Content-Security-Policy refusal the browser reports, in the page and in its frames. */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
