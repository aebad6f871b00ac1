import { installed } from "@/lib/installation/install";
import { canCreate } from "./access";
import { createEntity } from "./create-entity";
import { MAX_NAME_LENGTH } from "./entity-name";
import { describeProblem, paramsFromFile, type UploadedFile } from "./file-import";
import { failed, type Actor, type EntityResult } from "./types";

/** The largest file an entity is created from: params files are small text. */
export const MAX_PARAMS_FILE_CHARS = 1_000_000;

/**
 * Creates an entity from an uploaded file (the seed's fourth trigger): the type's `fromFiles[format]`
 * parses it, the params are validated as the browser's are, and only a file without problems
 * creates anything. The entity is named after the file's own name record, else the file name.
 */
export async function createEntityFromFile(
  actor: Actor,
  input: { type: string; format: number; parentId: string | null; file: UploadedFile },
): Promise<EntityResult<{ id: string; name: string }>> {
  if (!canCreate(actor)) return failed({ kind: "forbidden", message: "Only engineers and admins create entities." });
  const type = installed().entityType(input.type);
  const fromFile = type?.fromFiles[input.format];
  if (!type || !fromFile)
    return failed({ kind: "refused", message: `There is no way to create a "${input.type}" from a file of that kind.` });
  if (input.file.text.length > MAX_PARAMS_FILE_CHARS) {
    return failed({
      kind: "bad_file",
      message: "The file is too large.",
      problems: [{ message: `A params file holds at most ${MAX_PARAMS_FILE_CHARS.toLocaleString("en")} characters.` }],
    });
  }
  const imported = paramsFromFile(type.params, fromFile, input.file);
  if (!imported.ok) {
    const count = imported.problems.length;
    const first = imported.problems[0];
    return failed({
      kind: "bad_file",
      message:
        count === 1 && first ? `Nothing was created. ${describeProblem(first)}` : `Nothing was created: the file has ${count} problems.`,
      problems: imported.problems,
    });
  }
  const name = (imported.name?.trim() || input.file.name.replace(/\.[^.]*$/, "").trim() || type.label).slice(0, MAX_NAME_LENGTH);
  const created = await createEntity(actor, { type: type.name, name, parentId: input.parentId, params: imported.params });
  return created.ok ? { ok: true, value: { id: created.value.id, name } } : created;
}
