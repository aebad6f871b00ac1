import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { createEntity } from "@/lib/entities/create-entity";
import { jobServices, FLOW_FILES_WORKSPACE } from "@/lib/jobs/job-services";
import { assignTask, checkInvariants, completeTask, reviveTask, runJob, startProcess } from "./index";
import { makeUser, processRow, refOf, taskAt, trail } from "./test-support/setup";

// The three flows this install ships, run to their ends against the real runtime. The design
// review's report is rendered by the beam's real `report` view through lib/controller's dispatcher
// and saved in lib/controller's storage.

const services = jobServices();
const options = {};
let engineer: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  engineer = await makeUser(["engineer", "reviewer"], "engineer-who-also-reviews");
});
// lib/controller's storage moves bytes through a pool of its own; close it before the database goes.
afterAll(() => pool.end());

describe("hello world", () => {
  it("runs from its start form to one of its ends in one transaction", async () => {
    const { processId } = await startProcess(engineer, { flow: "hello-world" }, { text: "hello" }, options);
    const process = await processRow(processId);
    expect(process.status).toBe("done");
    expect((await trail(processId)).slice(0, 3)).toEqual([
      ["start", "done"],
      ["toss", "done"],
      ["decide", "done"],
    ]);
    expect((await trail(processId))[3]).toEqual([process.data.outcome, "done"]);
  });
});

describe("design review", () => {
  it("goes round a rejection, keeps four eyes, and ends with the beam's PDF report in storage", { timeout: 30_000 }, async () => {
    const reviewer = await makeUser(["reviewer"], "reviewer");
    const project = await createEntity(engineer, { type: "project", name: "Bridge", parentId: null });
    if (!project.ok) throw new Error(project.failure.message);
    const beam = await createEntity(engineer, { type: "beam", name: "Main girder", parentId: project.value.id });
    if (!beam.ok) throw new Error(beam.failure.message);

    const { processId } = await startProcess(
      engineer,
      { flow: "design-review" },
      { entityId: beam.value.id, revision: "1", summary: "Main girder" },
      options,
    );
    const review = await taskAt(processId, "review");
    expect(review).toMatchObject({ title: "Review: Main girder", ownerRole: "reviewer" });
    // The engineer also holds the reviewer role, but authored the revision.
    await expect(assignTask(engineer, refOf(review), options)).rejects.toMatchObject({ code: "forbidden" });
    await expect(completeTask(reviewer, refOf(review), { approved: false }, options)).rejects.toMatchObject({
      code: "invalid_input",
      fields: [{ path: "comment" }],
    });
    await completeTask(reviewer, refOf(review), { approved: false, comment: "Use a deeper section." }, options);

    const revise = await taskAt(processId, "revise");
    expect(revise).toMatchObject({ assigneeId: engineer.id, description: "Use a deeper section." });
    await completeTask(engineer, refOf(revise), { revision: "1", summary: "Main girder, deeper" }, options);
    const second = await taskAt(processId, "review", "new");
    await completeTask(reviewer, refOf(second), { approved: true }, options);

    const report = await taskAt(processId, "report");
    expect(report.status).toBe("scheduled");
    expect(await runJob({ taskId: report.id, processId, flowName: "design-review" }, { ...options, services })).toBe("done");
    const process = await processRow(processId);
    expect(process).toMatchObject({
      status: "done",
      data: { approved: true, reviewedBy: reviewer.id, reportFile: `${processId}/Main-girder-report.pdf` },
    });
    const pdf = await storage(FLOW_FILES_WORKSPACE).getBytes(process.data.reportFile as string);
    expect(pdf?.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await checkInvariants()).toEqual([]);
  });

  it(
    "with the fault switch faults.reportJob on, the report fails three attempts into the error queue; switched off, an admin's retry ends it with the PDF",
    { timeout: 30_000 },
    async () => {
      const reviewer = await makeUser(["reviewer"], "reviewer of a failing report");
      const admin = await makeUser(["admin"], "admin who retries");
      const project = await createEntity(engineer, { type: "project", name: "Viaduct", parentId: null });
      if (!project.ok) throw new Error(project.failure.message);
      const beam = await createEntity(engineer, { type: "beam", name: "Edge beam", parentId: project.value.id });
      if (!beam.ok) throw new Error(beam.failure.message);
      const { processId } = await startProcess(
        engineer,
        { flow: "design-review" },
        { entityId: beam.value.id, revision: "1", summary: "Edge beam" },
        options,
      );
      await completeTask(reviewer, refOf(await taskAt(processId, "review")), { approved: true }, options);
      const report = await taskAt(processId, "report");
      const job = { taskId: report.id, processId, flowName: "design-review" };

      await db.setting.create({ data: { key: "faults.reportJob", value: true } });
      const outcomes = [];
      for (const seconds of [0, 5, 10])
        outcomes.push(await runJob(job, { ...options, services, now: new Date(Date.now() + seconds * 1000) }));
      expect(outcomes).toEqual(["rescheduled", "rescheduled", "failed"]);
      const failed = await taskAt(processId, "report");
      expect(failed).toMatchObject({
        status: "error",
        attempts: 3,
        error: { message: "The report job's fault switch is on (setting faults.reportJob)." },
      });
      expect((await processRow(processId)).status).toBe("error");

      await db.setting.delete({ where: { key: "faults.reportJob" } });
      const { taskId } = await reviveTask(admin, refOf(failed), options);
      expect(await runJob({ ...job, taskId }, { ...options, services })).toBe("done");
      expect(await processRow(processId)).toMatchObject({ status: "done", data: { reportFile: `${processId}/Edge-beam-report.pdf` } });
      expect(await checkInvariants()).toEqual([]);
    },
  );
});

describe("change request", () => {
  it("splits into a structural and a cost check by two roles, joins, and ends with the admin's approval", async () => {
    const checker = await makeUser(["engineer"], "checker");
    const reviewer = await makeUser(["reviewer"], "cost reviewer");
    const admin = await makeUser(["admin"], "admin");
    const { processId } = await startProcess(
      engineer,
      { flow: "change-request" },
      { entityId: "e1", description: "Add a stiffener", costDelta: 120 },
      options,
    );
    const structural = await taskAt(processId, "structural");
    const cost = await taskAt(processId, "cost");
    expect([structural.ownerRole, cost.ownerRole]).toEqual(["engineer", "reviewer"]);
    await expect(completeTask(engineer, refOf(structural), { structuralOk: true }, options)).rejects.toMatchObject({ code: "forbidden" });
    await completeTask(checker, refOf(structural), { structuralOk: true }, options);
    expect(await taskAt(processId, "checked")).toMatchObject({ status: "started" });
    await completeTask(reviewer, refOf(cost), { costOk: true, costNote: "Within budget." }, options);
    const approval = await taskAt(processId, "approval");
    expect(approval.ownerRole).toBe("admin");
    await completeTask(admin, refOf(approval), { approved: true }, options);
    expect(await processRow(processId)).toMatchObject({
      status: "done",
      data: { structuralOk: true, costOk: true, approved: true, decidedBy: admin.id },
    });
    expect(await taskAt(processId, "applied")).toMatchObject({ status: "done" });
    expect(await checkInvariants()).toEqual([]);
  });
});
