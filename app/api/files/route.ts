import { NextResponse } from "next/server";
import { withUser } from "@/app/platform";
import { MAX_UPLOAD_BYTES, uploadFile } from "@/lib/files/upload-file";

export const dynamic = "force-dynamic";

// POST /api/files: stores one upload (multipart: type, field, file) for a file field, checked against the field's own limits.
export const POST = withUser(
  async (request, { user }) => {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_UPLOAD_BYTES + 64 * 1024)
      return NextResponse.json({ ok: false, message: `A file is at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` }, { status: 413 });
    const form = await request.formData().catch(() => null);
    const type = form?.get("type");
    const field = form?.get("field");
    const file = form?.get("file");
    if (typeof type !== "string" || typeof field !== "string" || !(file instanceof File)) {
      return NextResponse.json({ ok: false, message: "Send multipart form data with type, field and file." }, { status: 400 });
    }
    const result = await uploadFile(user, { type, field, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!result.ok) return NextResponse.json({ ok: false, message: result.message }, { status: result.status });
    return NextResponse.json({ ok: true, file: result.file }, { status: 201 });
  },
  { permission: "entity.create" },
);
