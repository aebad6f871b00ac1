import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/users";
import { followLongCall } from "@/lib/calls/follow-long-call";
import { startLongCall } from "@/lib/calls/start-long-call";
import { started } from "@/lib/calls/test-support/started";
import { pool } from "@/lib/db/pool";
import { install } from "@/lib/installation/install";
import { startWorker, type RunningWorker } from "@/lib/jobs/start-worker";
import { closeCallThreads } from "./call-threads";
import { compute } from "./compute";
import { prepareCall } from "./dispatch-call";
import probe, { brokenController as broken } from "./test-support/probe-installation";

// One call path: a view run from the route (a person's request), from a job worker (a long call)
// and from compute() (server code) is prepared by dispatch-call.ts and run by run-call.ts, whose
// failureOf is the one place a failure's reference is made and logged. Each of the three is made
// to fail unexpectedly; each answer names a reference that one log line of failureOf's names. All
// three run in worker threads (call-threads.ts): failureOf makes the reference there, and the
// process that asked logs it.

let cookie: string;
let userId: string;
let entityId: string;
let worker: RunningWorker;
let route: typeof import("@/app/api/entities/[id]/views/[view]/route");
const logged = vi.spyOn(console, "error");

beforeAll(async () => {
  // The route's module installs the shipped definitions (app/platform.ts) when it loads; the probe after it.
  route = await import("@/app/api/entities/[id]/views/[view]/route");
  const { flows } = install(probe);
  const email = `one-path-${Date.now()}@example.test`;
  userId = (await createUser({ email, name: "One Path", password: "correct horse battery", roles: ["engineer"] })).id;
  const { headers } = await auth.api.signInEmail({ body: { email, password: "correct horse battery" }, returnHeaders: true });
  cookie = headers.get("set-cookie")!.split(";")[0]!;
  entityId = crypto.randomUUID();
  await pool.query(`INSERT INTO entity (id, type, name, params, "ownerId") VALUES ($1, 'probe', 'Probe', '{}', $2)`, [entityId, userId]);
  worker = await startWorker({
    registry: flows,
    services: {
      storageFor: () => ({ put: () => Promise.reject(new Error("no storage")), get: async () => null }),
      compute: { call: () => Promise.reject(new Error("no compute")) },
      faults: { isOn: async () => false },
    },
    concurrency: 1,
    longCallConcurrency: 1,
  });
});

afterAll(async () => {
  await worker.stop();
  await closeCallThreads();
  logged.mockRestore();
});

/** The references failureOf logged, in order. */
const references = () =>
  logged.mock.calls.flatMap(([line]) =>
    typeof line === "string" ? [/^\[gusset\] call failed, reference (\w+):$/.exec(line)?.[1]].filter(Boolean) : [],
  );

describe("every way a view runs goes through one dispatcher", () => {
  it("from the route, the worker and compute(), an unexpected failure's reference is made by failureOf", { timeout: 30_000 }, async () => {
    const entity = { id: entityId, name: "Probe", type: "probe" };
    expect(await prepareCall({ entity }, { kind: "view", name: "fast", params: {} })).toMatchObject({ value: { where: "fast" } });
    expect(await prepareCall({ entity }, { kind: "view", name: "slow", params: {} })).toMatchObject({ value: { where: "long" } });
    const request = new Request(`http://localhost:3000/api/entities/${entityId}/views/fast`, {
      method: "POST",
      headers: { cookie, origin: "http://localhost:3000", "content-type": "application/json" },
      body: JSON.stringify({ params: { span: 6 } }),
    });
    const answer = await route.POST(request, { params: Promise.resolve({ id: entityId, view: "fast" }) });
    expect(answer.status).toBe(500);
    const fromRoute = ((await answer.json()) as { failure: { reference: string } }).failure.reference;

    const callId = await started(startLongCall(pool, { userId, entityId, kind: "view", name: "slow", params: { span: 6 } }));
    let outcome: unknown;
    for await (const line of followLongCall(pool, userId, callId, { signal: AbortSignal.timeout(20_000) }))
      if ("ok" in line) outcome = line;
    const fromWorker = (outcome as { failure: { reference: string } }).failure.reference;

    const computed = await compute({ id: entityId, name: "Probe", type: "probe", controller: broken }, "fast", { span: 6 });
    if (computed.ok) throw new Error("expected a failure");
    const fromCompute = computed.failure.reference!;

    expect(new Set([fromRoute, fromWorker, fromCompute]).size).toBe(3);
    expect(references()).toEqual(expect.arrayContaining([fromRoute, fromWorker, fromCompute]));
    for (const reference of [fromRoute, fromWorker, fromCompute]) {
      expect(references().filter((logged) => logged === reference)).toHaveLength(1);
    }
  });
});
