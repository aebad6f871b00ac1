import { withUser } from "@/app/platform";
import { uploadFile } from "@/lib/files/upload-file";
import { MAX_UPLOAD_BODY_BYTES, uploadLimitText } from "@/lib/files/upload-limit";
import { refuse } from "@/lib/result";

export const dynamic = "force-dynamic";

// POST /api/files: stores one upload (multipart: type, field, file) for a file field, checked against the field's own limits.
export const POST = withUser({ permission: "entity.create" }, async ({ request, user }) => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BODY_BYTES) return refuse("too_large", `A file is at most ${uploadLimitText()}.`);
  const form = await request.formData().catch(() => null);
  const type = form?.get("type");
  const field = form?.get("field");
  const file = form?.get("file");
  if (typeof type !== "string" || typeof field !== "string" || !(file instanceof File)) {
    return refuse("bad_request", "Send multipart form data with type, field and file.");
  }
  const result = await uploadFile(user, { type, field, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return result.ok ? Response.json(result, { status: 201 }) : result;
});
