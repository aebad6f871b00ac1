"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/app/platform";
import { createEntity } from "@/lib/entities/create-entity";
import { createEntityFromFile, MAX_PARAMS_FILE_CHARS } from "@/lib/entities/create-entity-from-file";
import { deleteEntity } from "@/lib/entities/delete-entity";
import { duplicateEntity } from "@/lib/entities/duplicate-entity";
import { moveEntity } from "@/lib/entities/move-entity";
import { renameEntity } from "@/lib/entities/rename-entity";
import { restoreRevision } from "@/lib/entities/restore-revision";
import { saveParams } from "@/lib/entities/save-params";
import { shareEntity } from "@/lib/entities/share-entity";
import type { Stored } from "@/lib/entities/store-params";
import type { EntityResult } from "@/lib/entities/types";

// The editor's mutations. Each checks the session and permission, parses its input, and calls one
// operation of lib/entities, which checks access to the entity itself (may this user edit it?).

const id = z.string().min(1).max(100);
const BAD_INPUT = { ok: false, failure: { kind: "refused", message: "That request was not understood." } } as const;

type Created = EntityResult<{ id: string }>;
type CreatedFromFile = EntityResult<{ id: string; name: string }>;
type Renamed = EntityResult<{ name: string }>;
type Moved = EntityResult<{ parentId: string | null }>;
type Duplicated = EntityResult<{ id: string; copied: number }>;
type Deleted = EntityResult<{ deleted: number }>;
type Shared = EntityResult<{ user: { id: string; name: string } }>;
type Saved = EntityResult<Stored>;

function refreshEditor(): void {
  revalidatePath("/editor", "layout");
}

export async function createEntityAction(input: unknown): Promise<Created> {
  const user = await requireUser("entity.create");
  const parsed = z.object({ type: z.string().max(100), name: z.string().max(500), parentId: id.nullable() }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await createEntity(user, parsed.data);
  if (result.ok) refreshEditor();
  return result;
}

export async function renameEntityAction(input: unknown): Promise<Renamed> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id, name: z.string().max(500) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await renameEntity(user, parsed.data);
  if (result.ok) refreshEditor();
  return result;
}

export async function moveEntityAction(input: unknown): Promise<Moved> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id, parentId: id.nullable() }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await moveEntity(user, parsed.data);
  if (result.ok) refreshEditor();
  return result;
}

export async function duplicateEntityAction(input: unknown): Promise<Duplicated> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await duplicateEntity(user, parsed.data.id);
  if (result.ok) refreshEditor();
  return result;
}

export async function deleteEntityAction(input: unknown): Promise<Deleted> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await deleteEntity(user, parsed.data.id);
  if (result.ok) refreshEditor(); // its files go with the worker's hourly collection
  return result;
}

export async function shareEntityAction(input: unknown): Promise<Shared> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id, email: z.string().max(320) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await shareEntity(user, parsed.data);
  if (result.ok) refreshEditor();
  return result;
}

export async function saveParamsAction(input: unknown): Promise<Saved> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id, params: z.unknown(), expectedVersion: z.number().int().min(1) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await saveParams(user, parsed.data);
  if (result.ok) refreshEditor();
  return result;
}

export async function restoreRevisionAction(input: unknown): Promise<Saved> {
  const user = await requireUser("app.use");
  const parsed = z.object({ id, version: z.number().int().min(1), expectedVersion: z.number().int().min(1) }).safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const result = await restoreRevision(user, parsed.data);
  if (result.ok) refreshEditor();
  return result;
}

export async function createEntityFromFileAction(input: unknown): Promise<CreatedFromFile> {
  const user = await requireUser("entity.create");
  const parsed = z
    .object({
      type: z.string().max(100),
      format: z.number().int().min(0).max(20),
      parentId: id.nullable(),
      fileName: z.string().max(500),
      text: z.string().max(MAX_PARAMS_FILE_CHARS + 1),
    })
    .safeParse(input);
  if (!parsed.success) return BAD_INPUT;
  const { type, format, parentId, fileName, text } = parsed.data;
  const result = await createEntityFromFile(user, { type, format, parentId, file: { name: fileName, text } });
  if (result.ok) refreshEditor();
  return result;
}
