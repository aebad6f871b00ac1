import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/users";
import { pool } from "@/lib/db/pool";
import { install } from "@/lib/installation/install";
import { closeCallThreads } from "./call-threads";
import runaway, { RUNAWAY_TYPE } from "./test-support/runaway-installation";

// Through the view route, as the browser calls it. Before the call threads, a view in an endless
// loop ran on the Next process's event loop: that request never answered, and neither did any
// other request of the instance, for good. Now the loop fails at its time limit with a message,
// other calls answer meanwhile, and the next call answers after it.

let cookie: string;
let entityId: string;
let route: typeof import("@/app/api/entities/[id]/views/[view]/route");

beforeAll(async () => {
  route = await import("@/app/api/entities/[id]/views/[view]/route");
  install(runaway);
  const email = `endless-${Date.now()}@example.test`;
  const { id: userId } = await createUser({ email, name: "Endless", password: "correct horse battery", roles: ["engineer"] });
  const { headers } = await auth.api.signInEmail({ body: { email, password: "correct horse battery" }, returnHeaders: true });
  cookie = headers.get("set-cookie")!.split(";")[0]!;
  entityId = crypto.randomUUID();
  await pool.query(`INSERT INTO entity (id, type, name, params, "ownerId") VALUES ($1, $2, 'Endless', '{}', $3)`, [
    entityId,
    RUNAWAY_TYPE,
    userId,
  ]);
});
afterAll(() => closeCallThreads());

async function post(view: string): Promise<{ status: number; body: unknown }> {
  const request = new Request(`http://localhost:3000/api/entities/${entityId}/views/${view}`, {
    method: "POST",
    headers: { cookie, origin: "http://localhost:3000", "content-type": "application/json" },
    body: JSON.stringify({ params: { n: 4 } }),
  });
  const response = await route.POST(request, { params: Promise.resolve({ id: entityId, view }) });
  return { status: response.status, body: await response.json() };
}

describe("a view in an endless loop", () => {
  it("fails after its time limit with the message, while and after which the instance answers calls", { timeout: 60_000 }, async () => {
    const order: string[] = [];
    const endless = post("endless").then((answer) => (order.push("endless"), answer));
    // While the loop runs (its thread is busy for its 1 s), another call answers.
    const meanwhile = await post("quick");
    order.push("quick");
    expect(meanwhile).toMatchObject({ status: 200, body: { ok: true, value: { items: [{ label: "Twice", value: 8 }, {}] } } });
    expect(await endless).toEqual({
      status: 422,
      body: {
        ok: false,
        failure: {
          code: "refused",
          message:
            "This view ran longer than its limit of 1 s and was stopped. Try other inputs; if it needs longer, its author can raise its timeLimit or give it a durationGuess above 3 s (run on Update).",
          fields: [],
        },
      },
    });
    expect(order).toEqual(["quick", "endless"]);
    // The next call, on the thread that was not stopped or on its replacement.
    expect(await post("quick")).toMatchObject({ status: 200, body: { ok: true } });
  });
});
