import { z } from "zod";
import { withUser } from "@/app/platform";
import { listRevisions } from "@/lib/entities/list-revisions";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });

// GET /api/entities/:id/revisions: the entity's saved versions, newest first, with their params (for the diff).
export const GET = withUser({ params }, async ({ params, user }) => {
  const revisions = await listRevisions(user, params.id);
  return revisions ? succeed({ revisions }) : refuse("not_found", "There is no such entity, or you may not see it.");
});
