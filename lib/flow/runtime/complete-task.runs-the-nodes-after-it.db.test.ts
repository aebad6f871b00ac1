import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { FLOW_NOTIFY_CHANNEL } from "./queries";
import { assignTask, checkInvariants, completeTask, startProcess, startTask } from "./index";
import { makeUsers, processRow, refOf, registry, taskAt, tasksOf, trail } from "./test-support/setup";

let users: Awaited<ReturnType<typeof makeUsers>>;
const options = { registry };
beforeAll(async () => {
  users = await makeUsers();
});

describe("starting a process", () => {
  it("creates the process on its flow's version, completes the start task and offers the first view to its role", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const { processId, taskId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "IPE 300" }, { ...options, now });
    const process = await processRow(processId);
    expect(process).toMatchObject({
      flowName: "test-review",
      flowVersion: 3,
      status: "running",
      data: { text: "IPE 300" },
      createdById: users.engineer.id,
    });
    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["review", "new"],
    ]);
    const start = await taskAt(processId, "start");
    expect(start).toMatchObject({ id: taskId, finishedById: users.engineer.id, data: { text: "IPE 300" } });
    const review = await taskAt(processId, "review");
    expect(review).toMatchObject({
      title: "Review IPE 300",
      description: "Approve or send back",
      ownerRole: "reviewer",
      assigneeId: null,
      priority: 5,
      dueAt: "2026-11-24T10:00:00+00:00",
      token: null,
    });
  });

  it("refuses a user without the start permission, and a form that does not parse, changing nothing", async () => {
    const before = await db.flowProcess.count();
    await expect(startProcess(users.reviewer, { flow: "test-review" }, { text: "x" }, options)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(startProcess(users.engineer, { flow: "test-review" }, { text: "" }, options)).rejects.toMatchObject({
      code: "invalid_input",
      fields: [{ path: "text", message: expect.any(String) }],
    });
    await expect(startProcess(users.engineer, { flow: "no-such-flow" }, {}, options)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.flowProcess.count()).toBe(before);
  });
});

describe("completing a view", () => {
  it("claims, opens and completes it, runs the handler and the if, and creates the next task", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "HEA 200" }, options);
    const review = await taskAt(processId, "review");
    await assignTask(users.reviewer, refOf(review), options);
    expect(await taskAt(processId, "review")).toMatchObject({ status: "assigned", assigneeId: users.reviewer.id });
    await startTask(users.reviewer, refOf(review), options);
    expect((await taskAt(processId, "review")).startedAt).not.toBeNull();
    await completeTask(users.reviewer, refOf(review), { approved: false, note: "check the weld" }, options);

    expect(await trail(processId)).toEqual([
      ["start", "done"],
      ["review", "done"],
      ["stamp", "done"],
      ["decide", "done"],
      ["rework", "assigned"],
    ]);
    expect(await processRow(processId)).toMatchObject({
      status: "running",
      data: { text: "HEA 200", approved: false, note: "check the weld", stamped: 1 },
    });
    const rework = await taskAt(processId, "rework");
    expect(rework).toMatchObject({ assigneeId: users.engineer.id, ownerRole: null });
    expect(await taskAt(processId, "review")).toMatchObject({
      finishedById: users.reviewer.id,
      data: { approved: false, note: "check the weld" },
    });

    // Round two: the engineer revises, another reviewer approves without claiming first.
    await completeTask(users.engineer, refOf(rework), { text: "HEA 220" }, options);
    const second = await taskAt(processId, "review", "new");
    await completeTask(users.reviewer2, refOf(second), { approved: true }, options);
    const process = await processRow(processId);
    expect(process).toMatchObject({ status: "done", data: { text: "HEA 220", approved: true, stamped: 2 } });
    expect(process.finishedAt).not.toBeNull();
    expect((await tasksOf(processId)).at(-1)).toMatchObject({ nodeName: "done", status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });

  it("keeps four eyes: the engineer who started it may neither claim nor complete the review", async () => {
    const both = { id: users.engineer.id, roles: ["engineer", "reviewer"] as const };
    const { processId } = await startProcess(both, { flow: "test-review" }, { text: "own work" }, options);
    const review = await taskAt(processId, "review");
    await expect(assignTask(both, refOf(review), options)).rejects.toMatchObject({ code: "forbidden" });
    await expect(completeTask(both, refOf(review), { approved: true }, options)).rejects.toMatchObject({ code: "forbidden" });
    expect(await taskAt(processId, "review")).toMatchObject({ status: "new", assigneeId: null });
  });

  it("returns the form's errors field by field and leaves the task as it was", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "x" }, options);
    const review = await taskAt(processId, "review");
    await expect(completeTask(users.reviewer, refOf(review), { approved: "yes" }, options)).rejects.toMatchObject({
      code: "invalid_input",
      fields: [{ path: "approved", message: expect.any(String) }],
    });
    expect(await taskAt(processId, "review")).toMatchObject({ status: "new", assigneeId: null });
  });

  it("tells the second reviewer the task is no longer theirs", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "x" }, options);
    const review = await taskAt(processId, "review");
    await assignTask(users.reviewer, refOf(review), options);
    await expect(assignTask(users.reviewer2, refOf(review), options)).rejects.toMatchObject({
      code: "no_longer_yours",
      userMessage: "Someone else has taken this task.",
    });
    await expect(completeTask(users.reviewer2, refOf(review), { approved: true }, options)).rejects.toMatchObject({
      code: "no_longer_yours",
    });
    await completeTask(users.reviewer, refOf(review), { approved: true }, options);
    await expect(completeTask(users.reviewer, refOf(review), { approved: true }, options)).rejects.toMatchObject({
      code: "no_longer_yours",
      userMessage: "This task is no longer open: it is done.",
    });
  });
});

describe("events", () => {
  const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const received: unknown[] = [];
  beforeAll(async () => {
    await listener.connect();
    listener.on("notification", (message) => received.push(JSON.parse(message.payload ?? "null")));
    await listener.query(`LISTEN ${FLOW_NOTIFY_CHANNEL}`);
  });
  afterAll(() => listener.end());

  it("writes an audit row for every change and notifies once per changed process, at commit", async () => {
    const { processId } = await startProcess(users.engineer, { flow: "test-review" }, { text: "audited" }, options);
    const review = await taskAt(processId, "review");
    await completeTask(users.reviewer, refOf(review), { approved: true }, options);
    const audit = await db.flowAudit.findMany({ where: { processId }, orderBy: { id: "asc" } });
    const byTask = (id: string) =>
      audit.filter((row) => row.taskId === id).map((row) => [row.action, row.fromStatus, row.toStatus, row.userId]);
    expect(byTask(review.id)).toEqual([
      ["create", null, "new", users.engineer.id],
      ["assign", "new", "assigned", users.reviewer.id],
      ["start", "assigned", "started", users.reviewer.id],
      ["complete", "started", "done", users.reviewer.id],
    ]);
    expect(audit.filter((row) => row.taskId === null).map((row) => [row.action, row.fromStatus, row.toStatus])).toEqual([
      ["start", null, "running"],
      ["finish", "running", "done"],
    ]);
    await expect.poll(() => received.filter((m) => (m as { process: string }).process === processId).length).toBe(2);
    expect(received.at(-1)).toMatchObject({
      flow: "test-review",
      process: processId,
      status: "done",
      tasks: expect.arrayContaining([{ id: review.id, status: "done" }]),
      tx: expect.stringMatching(/^\d+$/),
    });
  });
});
