import { z } from "zod";
import { withUser } from "@/app/platform";
import { listRevisions } from "@/lib/entities/list-revisions";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });
const query = z.object({ before: z.coerce.number().int().min(2).nullish() });

// GET /api/entities/:id/revisions?before=VERSION: a page of the entity's saved versions, newest first (no params: see /revisions/:version).
export const GET = withUser({ params, query }, async ({ params, query: { before }, user }) => {
  const revisions = await listRevisions(user, params.id, { before });
  if (!revisions) return refuse("not_found", "There is no such entity, or you may not see it.");
  const last = revisions.at(-1);
  // Versions count up from 1 without gaps: more remain below the last one listed until version 1.
  return succeed({ revisions, nextBefore: last && last.version > 1 ? last.version : null });
});
