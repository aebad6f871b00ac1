import { z } from "zod";
import { withUser } from "@/app/platform";
import { describeViews } from "@/lib/controller/describe-views";
import { installed } from "@/lib/installation/install";
import { refuse, succeed } from "@/lib/result";

const params = z.object({ type: z.string().max(100) });

// GET /api/entity-types/:type: an entity type's label and the views the editor shows as tabs.
export const GET = withUser({ params }, async ({ params }) => {
  const type = installed().entityType(params.type);
  if (!type) return refuse("not_found", `There is no entity type "${params.type}".`);
  return Response.json(succeed({ name: type.name, label: type.label, views: describeViews(type.controller) }), {
    headers: { "cache-control": "private, max-age=60" },
  });
});
