import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/users";
import { pool } from "@/lib/db/pool";
import { install } from "@/lib/installation/install";
import { closeCallThreads } from "./call-threads";
import runaway, { RUNAWAY_TYPE } from "./test-support/runaway-installation";

// Through the view route, as the browser calls it. Before the call threads, a view in an endless
// loop ran on the Next process's event loop: that request never answered, and neither did any
// other request of the instance, for good. Now other calls answer while it loops, it ends when its
// client goes away or at its time limit with a message, and the next call answers after it.
// (Once the quick call had to answer within the loop's 1 s limit: on a loaded machine, starting
// its thread took longer, and the order flipped. Now it waits for the loop to have started.)

let cookie: string;
let entityId: string;
let route: typeof import("@/app/api/entities/[id]/views/[view]/route");

beforeAll(async () => {
  // Two threads whatever the machine: the quick call takes one while the loop holds the other.
  process.env.GUSSET_CALL_THREADS = "2";
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

async function post(view: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  const response = await respond(view, headers, signal);
  return { status: response.status, body: await response.json() };
}

function respond(view: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/entities/${entityId}/views/${view}`, {
    method: "POST",
    headers: { cookie, origin: "http://localhost:3000", "content-type": "application/json", ...headers },
    body: JSON.stringify({ params: { n: 4 } }),
    signal,
  });
  return route.POST(request, { params: Promise.resolve({ id: entityId, view }) });
}

/** The NDJSON lines of a streamed call, one at a time. */
async function* linesOf(response: Response): AsyncGenerator<Record<string, unknown>> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
  }
}

describe("a view in an endless loop", () => {
  it("does not hold up other calls while it loops, and ends when its client goes away", { timeout: 60_000 }, async () => {
    const client = new AbortController();
    const lines = linesOf(await respond("stuck", { accept: "application/x-ndjson" }, client.signal));
    // Its progress line is sent just before it starts looping: from here its thread is busy.
    expect((await lines.next()).value).toMatchObject({ progress: 0.1, message: "Looping" });
    expect(await post("quick")).toMatchObject({ status: 200, body: { ok: true, value: { items: [{ label: "Twice", value: 8 }, {}] } } });
    client.abort();
    expect((await lines.next()).value).toMatchObject({ ok: false, failure: { code: "cancelled" } });
  });

  it("fails after its time limit with the message, and the next call answers", { timeout: 60_000 }, async () => {
    expect(await post("endless")).toEqual({
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
    // The next call, on the thread that was not stopped or on its replacement.
    expect(await post("quick")).toMatchObject({ status: 200, body: { ok: true } });
  });
});
