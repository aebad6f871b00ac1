import { z } from "zod";
import { withUser } from "@/app/platform";
import { getRevision } from "@/lib/entities/list-revisions";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100), version: z.coerce.number().int().min(1) });

// GET /api/entities/:id/revisions/:version: one saved version with its params (the history's diff and restore).
export const GET = withUser({ params }, async ({ params: { id, version }, user }) => {
  const revision = await getRevision(user, id, version);
  return revision ? succeed(revision) : refuse("not_found", "There is no such version, or you may not see it.");
});
