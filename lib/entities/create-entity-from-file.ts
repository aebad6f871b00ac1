import { unstorableIssue } from "@/lib/db/storable-input";
import { refuse } from "@/lib/result";
import { installed } from "@/lib/installation/install";
import { canCreate } from "./access";
import { createEntity } from "./create-entity";
import { MAX_NAME_LENGTH } from "./entity-name";
import { describeProblem, paramsFromFile, type FileProblem, type UploadedFile } from "./file-import";
import { type Actor, type EntityResult } from "./types";

/** The largest file an entity is created from: params files are small text. */
export const MAX_PARAMS_FILE_CHARS = 1_000_000;

/**
 * How many of a file's problems the answer lists; `problemCount` says how many there were. A file of
 * 60,000 bad lines answered 9.2 MB of problems.
 */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * Creates an entity from an uploaded file (the seed's fourth trigger): the type's `fromFiles[format]`
 * parses it, the params are validated as the browser's are, and only a file without problems
 * creates anything. The entity is named after the file's own name record, else the file name.
 */
export async function createEntityFromFile(
  actor: Actor,
  input: { type: string; format: number; parentId: string | null; file: UploadedFile },
): Promise<EntityResult<{ id: string; name: string }>> {
  if (!canCreate(actor)) return refuse("forbidden", "Only engineers and admins create entities.");
  const type = installed().entityType(input.type);
  const fromFile = type?.fromFiles[input.format];
  if (!type || !fromFile) return refuse("refused", `There is no way to create a "${input.type}" from a file of that kind.`);
  if (input.file.text.length > MAX_PARAMS_FILE_CHARS) {
    return fileRefused("The file is too large.", [
      { message: `A params file holds at most ${MAX_PARAMS_FILE_CHARS.toLocaleString("en")} characters.` },
    ]);
  }
  const parsed = paramsFromFile(type.params, fromFile, input.file);
  // A JSON file may spell a NUL or a lone surrogate as an escape (`\u0000`), which PostgreSQL refuses.
  const unstorable = parsed.ok ? unstorableIssue({ name: parsed.name, params: parsed.params }) : null;
  const imported: typeof parsed = unstorable ? { ok: false, problems: [unstorable] } : parsed;
  if (!imported.ok) {
    const count = imported.problems.length;
    const first = imported.problems[0];
    const message =
      count === 1 && first
        ? `Nothing was created. ${describeProblem(first)}`
        : `Nothing was created: the file has ${count.toLocaleString("en")} problems.`;
    return fileRefused(message, imported.problems);
  }
  const name = (imported.name?.trim() || input.file.name.replace(/\.[^.]*$/, "").trim() || type.label)
    .slice(0, MAX_NAME_LENGTH)
    .toWellFormed();
  const created = await createEntity(actor, { type: type.name, name, parentId: input.parentId, params: imported.params });
  return created.ok ? { ok: true, value: { id: created.value.id, name } } : created;
}

function fileRefused(message: string, problems: readonly FileProblem[]): EntityResult<never> {
  return {
    ok: false,
    failure: { code: "invalid_file", message, fields: [], problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length },
  };
}
