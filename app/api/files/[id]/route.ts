import { Readable } from "node:stream";
import { z } from "zod";
import { withUser } from "@/app/platform";
import { findFileForUser } from "@/lib/files/find-file-for-user";
import { refuse } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });

// GET /api/files/:id: an uploaded file, for its uploader and whoever may read an entity that references it.
export const GET = withUser({ params }, async ({ params, user }) => {
  const file = await findFileForUser(user, params.id);
  if (!file) return refuse("not_found", "There is no such file, or you may not see it.");
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
});
