/**
 * A webhook resumes a handle over HTTP (issue 11): the route answers 403 without the task's token or
 * with a wrong one, completes the task with it, and answers `already_done` when the same call
 * arrives twice. Server-to-server calls send no Origin; the token is the credential.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { flow, type SignalAddress } from "@/lib/flow";
import { installation } from "@/lib/installation";
import { install } from "@/lib/installation/install";
import { checkInvariants, startProcessFromCode } from "@/lib/flow/runtime";
import { makeUser, processRow, taskAt } from "@/lib/flow/runtime/test-support/setup";

const handedOut: SignalAddress[] = [];
const payment = flow("vf-webhook-payment", {
  process: z.object({ paid: z.number().optional() }),
  nodes: ({ startHandle, handle, end }) => ({
    start: startHandle().next("payment"),
    payment: handle({
      input: z.object({ amount: z.number() }),
      merge: ({ input }) => ({ paid: input.amount }),
      onCreate: ({ signal }) => void handedOut.push(signal),
    }).next("end"),
    end: end(),
  }),
});

let route: typeof import("@/app/api/flows/[flow]/processes/[processId]/tasks/[taskId]/signal/route");
let userId: string;
beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET ??= "a test secret of the webhook route test";
  // The route's module installs the shipped definitions (app/platform.ts) when it loads; this flow after it.
  route = await import("@/app/api/flows/[flow]/processes/[processId]/tasks/[taskId]/signal/route");
  install(installation({ entityTypes: [], flows: [payment] }));
  userId = (await makeUser(["engineer"])).id;
});

async function post(address: SignalAddress, authorization: string | null, body: unknown) {
  const [, , , flowName, , processId, , taskId] = address.path.split("/");
  const headers = new Headers({ "content-type": "application/json" });
  if (authorization !== null) headers.set("authorization", authorization);
  const request = new Request(`http://localhost:3000${address.path}`, { method: "POST", headers, body: JSON.stringify(body) });
  const answer = await route.POST(request, { params: Promise.resolve({ flow: flowName!, processId: processId!, taskId: taskId! }) });
  return { status: answer.status, body: (await answer.json()) as { ok: boolean; value?: unknown; failure?: { code: string } } };
}

describe("POST …/tasks/:taskId/signal", () => {
  it("refuses a call without the task's token or with a wrong one, then completes the task once with it", async () => {
    const { processId } = await startProcessFromCode({ flow: "vf-webhook-payment" }, { data: {}, userId });
    const address = handedOut.at(-1)!;
    expect(address.path).toBe(
      `/api/flows/vf-webhook-payment/processes/${processId}/tasks/${(await taskAt(processId, "payment")).id}/signal`,
    );

    expect(await post(address, null, { amount: 7 })).toMatchObject({ status: 403, body: { ok: false, failure: { code: "forbidden" } } });
    expect(await post(address, `Bearer ${address.token}x`, { amount: 7 })).toMatchObject({ status: 403 });
    expect(await taskAt(processId, "payment")).toMatchObject({ status: "new" });

    expect(await post(address, `Bearer ${address.token}`, { amount: "seven" })).toMatchObject({
      status: 422,
      body: { ok: false, failure: { code: "invalid_input" } },
    });
    expect(await post(address, `Bearer ${address.token}`, { amount: 7 })).toMatchObject({
      status: 200,
      body: { ok: true, value: { outcome: "done" } },
    });
    expect(await post(address, `Bearer ${address.token}`, { amount: 7 })).toMatchObject({
      status: 200,
      body: { ok: true, value: { outcome: "already_done" } },
    });
    expect(await processRow(processId)).toMatchObject({ status: "done", data: { paid: 7 } });
    expect(await checkInvariants()).toEqual([]);
  });
});
