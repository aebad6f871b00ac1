import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assignTask, completeTask, correctProcessData, saveTaskDraft, startProcess, type Actor } from "@/lib/flow/runtime";
import { testFlows } from "@/lib/flow/runtime/test-support/flows";
import { makeUsers, refOf, taskAt } from "@/lib/flow/runtime/test-support/setup";
import { installation } from "@/lib/installation";
import { install } from "@/lib/installation/install";
import { countOpenTasks } from "./count-open-tasks";
import { getProcessPage } from "./get-process-page";
import { getTaskPage } from "./get-task-page";
import { listArchive, listStartedProcesses } from "./list-archive";
import { listErrorQueue } from "./list-error-queue";
import { listInbox } from "./list-inbox";
import { listQueue } from "./list-queue";

// The inbox's queries against the real runtime and test flows (lib/flow/runtime/test-support):
// who sees which task, keyset pages that do not shift when rows are inserted, drafts per user.

// The inbox reads the flows the installation serves: here, the test flows.
const { flows: registry } = install(installation({ entityTypes: [], flows: testFlows }));
const options = { registry };
const users = await makeUsers();

async function review(starter: Actor, text: string) {
  const { processId } = await startProcess(starter, { flow: "test-review" }, { text }, options);
  return taskAt(processId, "review");
}

describe("queue, inbox and counter", () => {
  it("offers a review to reviewers but not to its author, and moves it to the claimer's inbox", async () => {
    const task = await review(users.engineer, "queue-one");
    const queue = await listQueue(users.reviewer);
    expect(queue.items.map((item) => item.id)).toContain(task.id);
    expect(queue.items.find((item) => item.id === task.id)).toMatchObject({
      title: "Review queue-one",
      status: "new",
      flowName: "test-review",
    });
    expect((await listQueue(users.engineer)).items.map((item) => item.id)).not.toContain(task.id);

    const before = await countOpenTasks(users.reviewer);
    await assignTask(users.reviewer, refOf(task), options);
    expect(await countOpenTasks(users.reviewer)).toBe(before + 1);
    expect((await listInbox(users.reviewer)).items[0]).toMatchObject({ id: task.id, status: "assigned", assigneeId: users.reviewer.id });
    expect((await listQueue(users.reviewer2)).items.map((item) => item.id)).not.toContain(task.id);
    // Another user's task is in nobody else's inbox.
    expect((await listInbox(users.reviewer2)).items.map((item) => item.id)).not.toContain(task.id);
    expect((await listInbox(users.engineer)).items.map((item) => item.id)).not.toContain(task.id);
  });

  it("lets one of two simultaneous claims win; the other is told the task is gone", async () => {
    const task = await review(users.engineer, "race");
    const outcomes = await Promise.allSettled([
      assignTask(users.reviewer, refOf(task), options),
      assignTask(users.reviewer2, refOf(task), options),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({ reason: { code: "no_longer_yours" } });
  });

  it("pages by cursor without repeating or skipping rows when new tasks arrive meanwhile", async () => {
    const { reviewer } = await makeUsers();
    for (let i = 0; i < 7; i++) await assignTask(reviewer, refOf(await review(users.engineer, `page-${i}`)), options);
    const first = await listInbox(reviewer, {}, { pageSize: 3 });
    expect(first.items.map((item) => item.title)).toEqual(["Review page-6", "Review page-5", "Review page-4"]);
    await assignTask(reviewer, refOf(await review(users.engineer, "page-new")), options);
    const second = await listInbox(reviewer, { cursor: first.nextCursor }, { pageSize: 3 });
    const third = await listInbox(reviewer, { cursor: second.nextCursor }, { pageSize: 3 });
    expect([...second.items, ...third.items].map((item) => item.title)).toEqual([
      "Review page-3",
      "Review page-2",
      "Review page-1",
      "Review page-0",
    ]);
    expect(third.nextCursor).toBeNull();
    expect((await listInbox(reviewer, { search: "PAGE-NEW" })).items.map((item) => item.title)).toEqual(["Review page-new"]);
    expect((await listInbox(reviewer, { flow: "hello-world" })).items).toEqual([]);
    expect((await listInbox(reviewer, { status: "started" })).items).toEqual([]);
  });

  it("marks a task overdue once its due time has passed", async () => {
    const task = await review(users.engineer, "late");
    const later = new Date(Date.now() + 3 * 86_400_000);
    const item = (await listQueue(users.reviewer, { search: "late" }, { now: later })).items[0];
    expect(item).toMatchObject({ id: task.id, overdue: true });
  });
});

describe("archive", () => {
  it("lists the tasks I completed and the processes I started, with their outcome", async () => {
    const { engineer, reviewer } = await makeUsers();
    const task = await review(engineer, "archived");
    await completeTask(reviewer, refOf(task), { approved: true }, options);
    expect((await listArchive(reviewer)).items.map((item) => item.id)).toEqual([task.id]);
    expect((await listArchive(engineer)).items).toEqual([]);
    const started = await listStartedProcesses(engineer);
    expect(started.items).toMatchObject([{ id: task.processId, flowName: "test-review", status: "done" }]);
  });
});

describe("task and process pages", () => {
  it("shows a task to its assignee and to whoever may claim it; others get forbidden, a wrong triple not found", async () => {
    const task = await review(users.engineer, "page");
    const ref = refOf(task);
    expect(await getTaskPage(users.reviewer, ref)).toMatchObject({ can: { claim: true, complete: true, cancel: false } });
    expect(await getTaskPage(users.engineer2, ref)).toBe("forbidden");
    expect(await getTaskPage(users.admin, ref)).toMatchObject({ can: { cancel: true, reassign: true, complete: false } });
    expect(await getTaskPage(users.reviewer, { ...ref, flow: "hello-world" })).toBe("not_found");
    expect(await getTaskPage(users.reviewer, { ...ref, processId: "nope" })).toBe("not_found");
    // Who started the process follows it on the process page, not on the reviewer's task.
    expect(await getTaskPage(users.engineer, ref)).toBe("forbidden");
    const page = await getTaskPage(users.reviewer, ref);
    expect(page !== "forbidden" && page !== "not_found" && Object.keys(page.form!.layout)).toEqual(["approved", "note", "boom"]);

    expect(await getProcessPage(users.engineer2, { flow: "test-review", processId: task.processId })).toBe("forbidden");
    const process = await getProcessPage(users.engineer, { flow: "test-review", processId: task.processId });
    expect(process !== "forbidden" && process !== "not_found" && process.tasks.map((t) => [t.nodeName, t.status])).toEqual([
      ["start", "done"],
      ["review", "new"],
    ]);
  });

  it("keeps a draft per user, there again on the next load, and refuses one for a task not open to the user", async () => {
    const task = await review(users.engineer, "drafted");
    const ref = refOf(task);
    await saveTaskDraft(users.reviewer, ref, { approved: false, note: "half a thought" });
    expect(await getTaskPage(users.reviewer, ref)).toMatchObject({ initial: { approved: false, note: "half a thought" } });
    expect(await getTaskPage(users.reviewer2, ref)).not.toMatchObject({ initial: { note: "half a thought" } });
    await expect(saveTaskDraft(users.engineer2, ref, { note: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("error queue", () => {
  it("is for admins only, lists failed tasks with their error, and a data correction is validated and audited", async () => {
    const task = await review(users.engineer, "broken");
    await db.flowTask.update({
      where: { id: task.id },
      data: { status: "error", error: { message: "the stamp jammed", stack: "Error: the stamp jammed\n    at stamp", attempts: 1 } },
    });
    await expect(listErrorQueue(users.reviewer)).rejects.toMatchObject({ code: "forbidden" });
    const queue = await listErrorQueue(users.admin, { search: "jammed" });
    expect(queue.items).toMatchObject([
      { id: task.id, reason: "error", error: { message: "the stamp jammed" }, processData: { text: "broken" } },
    ]);

    const ref = { flow: "test-review", processId: task.processId };
    await expect(correctProcessData(users.admin, ref, { text: 42 })).rejects.toMatchObject({
      code: "invalid_input",
      fields: [{ path: "text" }],
    });
    await expect(correctProcessData(users.reviewer, ref, { text: "fixed" })).rejects.toMatchObject({ code: "forbidden" });
    await correctProcessData(users.admin, ref, { text: "fixed" });
    const audit = await db.flowAudit.findFirst({ where: { processId: task.processId, action: "correct_data" } });
    expect(audit).toMatchObject({ userId: users.admin.id, details: { before: { text: "broken" }, after: { text: "fixed" } } });
  });
});
