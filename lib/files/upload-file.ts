import { createHash, randomUUID } from "node:crypto";
import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import type { FileRef } from "@/lib/params";
import { refuse, succeed, type Result } from "@/lib/result";
import { acceptsFile, detectFileType } from "./detect-file-type";
import { fileFieldOf } from "./file-field-of";
import { MAX_UPLOAD_BYTES } from "./upload-limit";

/** The storage workspace uploaded files live in, each under its id. */
export const FILES_WORKSPACE = "files";

/**
 * Stores an upload for the file field `field` of entity type `type`: the field's size limit and
 * allowed types are checked against the content (detect-file-type.ts), then the bytes go to
 * storage("files") and a `stored_file` row records who uploaded what. The answer is the value the
 * field holds: `{ fileId, name, size, type }`.
 */
export async function uploadFile(
  actor: { id: string },
  input: { type: string; field: string; name: string; bytes: Uint8Array },
): Promise<Result<FileRef>> {
  const field = fileFieldOf(input.type, input.field);
  if (!field) return refuse("not_found", `There is no file field "${input.field}" on "${input.type}".`);
  // No path separators, no control characters (PostgreSQL refuses NUL), no lone surrogates.
  const name =
    input.name
      .replace(/[/\\\u0000-\u001f\u007f]/g, "_")
      .trim()
      .slice(0, 200)
      .toWellFormed() || "file";
  const limit = Math.min(field.maxSize ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
  if (input.bytes.length > limit)
    return refuse("too_large", `"${name}" is ${megabytes(input.bytes.length)}; ${field.label} takes at most ${megabytes(limit)}.`);
  if (input.bytes.length === 0) return refuse("invalid_input", `"${name}" is empty.`);
  const detected = detectFileType(name, input.bytes);
  if (!detected.ok) return refuse("unsupported_type", detected.message);
  if (!acceptsFile(field.accept, name, detected.type)) {
    return refuse("unsupported_type", `${field.label} takes ${field.accept!.join(", ")}; "${name}" is ${detected.type}.`);
  }
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  await storage(FILES_WORKSPACE).put(id, input.bytes, { contentType: detected.type });
  await db.storedFile.create({ data: { id, ownerId: actor.id, name, contentType: detected.type, size: input.bytes.length, sha256 } });
  return succeed({ fileId: id, name, size: input.bytes.length, type: detected.type });
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
