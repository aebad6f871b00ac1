import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { MAX_INPUT_DEPTH } from "@/lib/db/storable-input";
import { createEntity } from "@/lib/entities/create-entity";
import { withUser } from "./route";

// A NUL in a name or in params, a lone surrogate and a 5,000-deep params object passed a route's
// schema (z.unknown() admits them) and reached PostgreSQL or JSON.stringify: 500, from a handler that
// did nothing wrong. The wrapper now refuses them before the handler with 400 and the path.

const ORIGIN = "http://gusset.test";

/** A route that stores what it is sent, as the entity routes do. */
const POST = withUser(
  { permission: "entity.create", body: z.object({ name: z.string(), params: z.record(z.string(), z.unknown()) }) },
  ({ user, body }) => createEntity(user, { type: "project", name: body.name, parentId: null, params: body.params }),
);

async function sessionCookie(): Promise<string> {
  const email = `route-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const password = "correct horse battery";
  await createUser({ email, name: "Route", password, roles: ["engineer"] });
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return headers.get("set-cookie")!.split(";")[0]!;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("a route handler's body", () => {
  it.each([
    ["a NUL in the name", '{"name":"P\\u0000","params":{}}', "name"],
    ["a NUL deep in params", '{"name":"P","params":{"loads":[{"label":"x\\u0000y"}]}}', "params.loads[0].label"],
    ["a lone surrogate in params", '{"name":"P","params":{"description":"\\ud800"}}', "params.description"],
    // Written out: JSON.stringify itself overflows on it.
    [
      "a 5,000-deep params object",
      `{"name":"P","params":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
      expect.stringMatching(/^params(\.a)+$/),
    ],
  ])("holding %s is refused with 400 naming where, and nothing is written", async (_, body, path) => {
    const cookie = await sessionCookie();
    const before = await db.entity.count();
    const response = await POST(
      new Request(`${ORIGIN}/api/test`, { method: "POST", headers: { cookie, origin: ORIGIN, host: "gusset.test" }, body }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { failure: { code: string; message: string; fields: { path: string }[] } };
    expect(answer.failure).toMatchObject({ code: "bad_request", message: expect.stringMatching(/^The body was not understood: /) });
    expect(answer.failure.fields).toEqual([{ path, message: expect.stringMatching(/cannot be stored|nested deeper/) }]);
    expect(await db.entity.count()).toBe(before);
  });

  it("holding plain params within the depth limit is stored", async () => {
    const cookie = await sessionCookie();
    const body = JSON.stringify({ name: "P 🙂", params: { deep: nested(MAX_INPUT_DEPTH - 3), label: "é" } });
    const response = await POST(
      new Request(`${ORIGIN}/api/test`, { method: "POST", headers: { cookie, origin: ORIGIN, host: "gusset.test" }, body }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
  });
});

// The entity's own check, for callers that are not routes (a file import, a duplicate): a name with a
// NUL reached PostgreSQL and threw.
describe("an entity's name", () => {
  it.each([
    ["a NUL", "P\u0000"],
    ["a control character", "P\u0007"],
    ["a lone surrogate", "P\ud800"],
  ])("holding %s is refused, and nothing is written", async (_, name) => {
    const before = await db.entity.count();
    const id = crypto.randomUUID();
    await db.user.create({ data: { id, name: "N", email: `${id}@example.test`, roles: ["engineer"], emailVerified: true } });
    expect(await createEntity({ id, roles: ["engineer"] }, { type: "project", name, parentId: null })).toEqual({
      ok: false,
      failure: expect.objectContaining({ code: "refused", message: "A name cannot hold control characters." }),
    });
    expect(await db.entity.count()).toBe(before);
  });
});
