import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signIn } from "./helpers";

// PostgreSQL NOTIFY on the flow channel reaches a signed-in browser over
// server-sent events (GET /api/events); the inbox pages invalidate on it.

function e2eDatabaseUrl(): string {
  const { port, password } = JSON.parse(readFileSync(`.data/e2e-${process.env.E2E_PORT}/postgres.json`, "utf8")) as {
    port: number;
    password: string;
  };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/gusset`;
}

test("a flow change committed in PostgreSQL reaches the signed-in browser as a server-sent event", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.evaluate(() => {
    const received: unknown[] = [];
    (window as unknown as { received: unknown[] }).received = received;
    const source = new EventSource("/api/events");
    source.addEventListener("flow", (event) => received.push(JSON.parse((event as MessageEvent<string>).data)));
  });
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await expect
      .poll(
        async () => {
          await client.query(`SELECT pg_notify('gusset_flow', $1)`, [
            JSON.stringify({ flow: "design-review", process: "p-42", tasks: [] }),
          ]);
          return page.evaluate(() => (window as unknown as { received: unknown[] }).received);
        },
        { timeout: 10_000 },
      )
      .toContainEqual({ flow: "design-review", process: "p-42" });
  } finally {
    await client.end();
  }
});

test("the event stream refuses a visitor without a session", async ({ request }) => {
  const response = await request.get("/api/events");
  expect(response.status()).toBe(401);
});
