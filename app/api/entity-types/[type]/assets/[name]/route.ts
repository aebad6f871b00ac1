import { z } from "zod";
import { withUser } from "@/app/platform";
import { openAsset } from "@/lib/installation/entity-type-assets";
import { installed } from "@/lib/installation/install";
import { refuse } from "@/lib/result";

const params = z.object({ type: z.string().max(100), name: z.string().max(200) });

// GET /api/entity-types/:type/assets/:name: a file bundled with the type (a glTF model a view shows).
export const GET = withUser({ params }, async ({ params }) => {
  const type = installed().entityType(params.type);
  const asset = type && (await openAsset(type, params.name));
  if (!asset) return refuse("not_found", `The entity type "${params.type}" has no file "${params.name}".`);
  return new Response(asset.body, {
    headers: {
      "content-type": asset.contentType,
      "content-length": String(asset.size),
      "x-content-type-options": "nosniff",
      // Bundled files change only with a deploy; an hour spares a model's download on each view call.
      "cache-control": "private, max-age=3600",
    },
  });
});
