import { NextResponse } from "next/server";
import { Readable } from "node:stream";
import { withUser } from "@/app/platform";
import { findFileForUser } from "@/lib/files/find-file-for-user";

export const dynamic = "force-dynamic";

// GET /api/files/:id: an uploaded file, for its uploader and whoever may read an entity that references it.
export const GET = withUser(
  async (_request, { params, user }) => {
    const { id } = (await params) as { id: string };
    const file = await findFileForUser(user, id);
    if (!file) return NextResponse.json({ error: "There is no such file, or you may not see it." }, { status: 404 });
    return new Response(Readable.toWeb(file.body) as ReadableStream, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        // Always a download, never rendered in our origin (an uploaded SVG or HTML could carry script).
        "content-disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
  { permission: "app.use" },
);
