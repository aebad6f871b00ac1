"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/app/platform";
import { createEntity } from "@/lib/entities/create-entity";
import { createEntityFromFile, MAX_PARAMS_FILE_CHARS } from "@/lib/entities/create-entity-from-file";
import { deleteEntity } from "@/lib/entities/delete-entity";
import { duplicateEntity } from "@/lib/entities/duplicate-entity";
import { moveEntity } from "@/lib/entities/move-entity";
import { renameEntity } from "@/lib/entities/rename-entity";
import { restoreRevision } from "@/lib/entities/restore-revision";
import { saveParams } from "@/lib/entities/save-params";
import { shareEntity } from "@/lib/entities/share-entity";
import type { EntityResult } from "@/lib/entities/types";

// The editor's mutations: each a permission, an input schema, and one operation of lib/entities,
// which checks access to the entity itself (may this user edit it?). The tree is redrawn after each.

const id = z.string().min(1).max(100);

/** Runs an operation and, when it succeeded, redraws the editor's pages. */
async function andRefresh<T>(result: Promise<EntityResult<T>>): Promise<EntityResult<T>> {
  const done = await result;
  if (done.ok) revalidatePath("/editor", "layout");
  return done;
}

export const createEntityAction = userAction(
  { permission: "entity.create", input: z.object({ type: z.string().max(100), name: z.string().max(500), parentId: id.nullable() }) },
  ({ user, input }) => andRefresh(createEntity(user, input)),
);

export const renameEntityAction = userAction({ input: z.object({ id, name: z.string().max(500) }) }, ({ user, input }) =>
  andRefresh(renameEntity(user, input)),
);

export const moveEntityAction = userAction({ input: z.object({ id, parentId: id.nullable() }) }, ({ user, input }) =>
  andRefresh(moveEntity(user, input)),
);

export const duplicateEntityAction = userAction({ input: z.object({ id }) }, ({ user, input }) =>
  andRefresh(duplicateEntity(user, input.id)),
);

// Its files go with the worker's hourly collection.
export const deleteEntityAction = userAction({ input: z.object({ id }) }, ({ user, input }) => andRefresh(deleteEntity(user, input.id)));

export const shareEntityAction = userAction({ input: z.object({ id, email: z.string().max(320) }) }, ({ user, input }) =>
  andRefresh(shareEntity(user, input)),
);

export const saveParamsAction = userAction(
  { input: z.object({ id, params: z.unknown(), expectedVersion: z.number().int().min(1) }) },
  ({ user, input }) => andRefresh(saveParams(user, input)),
);

export const restoreRevisionAction = userAction(
  { input: z.object({ id, version: z.number().int().min(1), expectedVersion: z.number().int().min(1) }) },
  ({ user, input }) => andRefresh(restoreRevision(user, input)),
);

export const createEntityFromFileAction = userAction(
  {
    permission: "entity.create",
    input: z.object({
      type: z.string().max(100),
      format: z.number().int().min(0).max(20),
      parentId: id.nullable(),
      fileName: z.string().max(500),
      text: z.string().max(MAX_PARAMS_FILE_CHARS + 1),
    }),
  },
  ({ user, input: { type, format, parentId, fileName, text } }) =>
    andRefresh(createEntityFromFile(user, { type, format, parentId, file: { name: fileName, text } })),
);
