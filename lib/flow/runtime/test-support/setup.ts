/**
 * Shared set-up of the runtime's integration tests: users of every role in the test file's own
 * database, the test flows loaded, and readers for what the runtime stored.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { FlowUser, Role } from "@/lib/flow";
import { loadFlows } from "../registry";
import type { ProcessRow, TaskRow } from "../rows";
import { testFlows } from "./flows";

export const registry = loadFlows(testFlows);

/** A user in the database, as an actor. */
export async function makeUser(roles: Role[], name = roles.join("+") || "nobody"): Promise<FlowUser> {
  const id = randomUUID();
  await db.user.create({ data: { id, name, email: `${name}-${id}@example.test`, roles } });
  return { id, roles };
}

/** The usual cast: two engineers, two reviewers, an admin. */
export async function makeUsers() {
  return {
    engineer: await makeUser(["engineer"], "engineer"),
    engineer2: await makeUser(["engineer"], "engineer2"),
    reviewer: await makeUser(["reviewer"], "reviewer"),
    reviewer2: await makeUser(["reviewer"], "reviewer2"),
    admin: await makeUser(["admin"], "admin"),
  };
}

export async function processRow(id: string): Promise<ProcessRow> {
  const rows = await db.$queryRawUnsafe<{ row: ProcessRow }[]>(`SELECT row_to_json(p) AS row FROM flow_process p WHERE id = $1`, id);
  if (!rows[0]) throw new Error(`no process ${id}`);
  return rows[0].row;
}

/** A process's tasks in the order they were created. */
export async function tasksOf(processId: string): Promise<TaskRow[]> {
  const rows = await db.$queryRawUnsafe<{ row: TaskRow }[]>(
    `SELECT row_to_json(t) AS row FROM flow_task t WHERE "processId" = $1 ORDER BY "createdAt", (SELECT min(id) FROM flow_audit a WHERE a."taskId" = t.id)`,
    processId,
  );
  return rows.map((r) => r.row);
}

/** The one task of a process at `node` in `status` (throws when there is not exactly one). */
export async function taskAt(processId: string, node: string, status?: string): Promise<TaskRow> {
  const found = (await tasksOf(processId)).filter((t) => t.nodeName === node && (status === undefined || t.status === status));
  if (found.length !== 1) throw new Error(`expected one task at ${node}${status ? ` (${status})` : ""}, found ${found.length}`);
  return found[0]!;
}

/** `[node, status]` of every task, in creation order: a compact picture of a process. */
export async function trail(processId: string): Promise<[string, string][]> {
  return (await tasksOf(processId)).map((t) => [t.nodeName, t.status]);
}

export function refOf(task: Pick<TaskRow, "flowName" | "processId" | "id">) {
  return { flow: task.flowName, processId: task.processId, taskId: task.id };
}

/** Everything the runtime stores, to show an action changed nothing. */
export async function snapshot(): Promise<unknown> {
  const [tasks, processes, audit, previous] = await Promise.all([
    db.$queryRawUnsafe(`SELECT * FROM flow_task ORDER BY id`),
    db.$queryRawUnsafe(`SELECT * FROM flow_process ORDER BY id`),
    db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM flow_audit`),
    db.$queryRawUnsafe(`SELECT * FROM flow_task_previous ORDER BY 1, 2`),
  ]);
  return { tasks, processes, audit, previous };
}
