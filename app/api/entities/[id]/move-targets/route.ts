import { z } from "zod";
import { withUser } from "@/app/platform";
import { listMoveTargets } from "@/lib/entities/list-move-targets";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });
const query = z.object({ q: z.string().max(200).nullish() });

// GET /api/entities/:id/move-targets?q=TEXT: where the user may move the entity, the text narrowing by name.
export const GET = withUser({ params, query }, async ({ params: { id }, query: { q }, user }) => {
  const targets = await listMoveTargets(user, id, q ?? "");
  return targets ? succeed({ targets }) : refuse("not_found", "There is no such entity, or you may not edit it.");
});
