import { db } from "@/lib/db/client";
import { entitiesReferencingFile } from "./sql";

/**
 * The file references in params an actor may not store: a file someone else uploaded that this
 * entity does not already reference. Without this check, typing another user's file id into one's
 * own entity would make its revisions reference that file, and GET /api/files/:id would serve it.
 */
export async function foreignFileRefs(
  actor: { id: string },
  entityId: string | null,
  params: unknown,
): Promise<{ path: string; message: string }[]> {
  const refs = fileRefsIn(params);
  if (refs.length === 0) return [];
  const rows = await db.storedFile.findMany({ where: { id: { in: refs.map((r) => r.fileId) } }, select: { id: true, ownerId: true } });
  const owners = new Map(rows.map((row) => [row.id, row.ownerId]));
  const problems: { path: string; message: string }[] = [];
  for (const { path, fileId } of refs) {
    const owner = owners.get(fileId);
    if (owner === actor.id) continue;
    if (owner !== undefined && entityId !== null && (await entitiesReferencingFile(fileId)).includes(entityId)) continue;
    problems.push({ path, message: "This file is not one you uploaded; upload it again." });
  }
  return problems;
}

/** Every `{ fileId }` value in params, with its path (`drawing`, `docs[1].file`). */
export function fileRefsIn(value: unknown, path = ""): { path: string; fileId: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => fileRefsIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.fileId === "string" && typeof record.name === "string") return [{ path, fileId: record.fileId }];
  return Object.entries(record).flatMap(([key, child]) => fileRefsIn(child, path ? `${path}.${key}` : key));
}
